-- the headline pay gap of one dimension in every snapshot year
select * exclude (snapshot_on)
from mart_equality__pay_gaps
where dimension = $dimension and is_headline
order by snapshot_year
