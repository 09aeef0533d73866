-- starters, leavers and turnover by one characteristic (and all staff) for one snapshot year
select * exclude (snapshot_on)
from mart_equality__turnover
where snapshot_year = $year and characteristic in ($characteristic, 'all_staff')
order by characteristic = 'all_staff', category
