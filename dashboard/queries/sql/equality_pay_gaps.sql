-- mean and median hourly pay gaps for one snapshot year and one dimension
select * exclude (snapshot_on)
from mart_equality__pay_gaps
where snapshot_year = $year and dimension = $dimension
order by is_headline desc, comparison_group
