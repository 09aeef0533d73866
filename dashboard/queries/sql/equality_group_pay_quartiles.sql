-- the reference and headline comparison groups in each hourly pay quartile, one snapshot year
select snapshot_year, dimension, reference_group, comparison_group, quartile, quartile_name,
    n_in_band, n_reference, n_comparison
from mart_equality__group_pay_quartiles
where snapshot_year = $year
order by dimension, quartile
