-- the statutory gender pay gap figures for one snapshot year, in the GOV.UK service's order
select snapshot_year, measure_order, measure, value, n_base
from mart_equality__gender_pay_gap
where snapshot_year = $year
order by measure_order
