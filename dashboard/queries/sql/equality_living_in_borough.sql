-- where staff live, by cluster, for one snapshot year
select * exclude (snapshot_on)
from mart_equality__living_in_borough
where snapshot_year = $year
order by sort_order
