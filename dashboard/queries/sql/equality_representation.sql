-- representation of one characteristic in one snapshot year, every breakdown
select * exclude (snapshot_on)
from mart_equality__representation
where snapshot_year = $year and characteristic = $characteristic
order by breakdown, breakdown_value, is_disclosed desc, category
