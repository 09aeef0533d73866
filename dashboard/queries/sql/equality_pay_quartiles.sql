-- men and women in each quartile pay band for one snapshot year
select snapshot_year, quartile, quartile_name, n_in_band, n_male, n_female
from mart_equality__pay_quartiles
where snapshot_year = $year
order by quartile
