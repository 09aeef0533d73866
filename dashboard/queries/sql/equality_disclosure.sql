-- disclosure of each characteristic in every snapshot year (EQU-14 trend)
select * exclude (snapshot_on)
from mart_equality__disclosure
order by characteristic, snapshot_year
