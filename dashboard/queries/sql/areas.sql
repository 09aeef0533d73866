-- the borough and the 9 clusters, borough first
select area_slug, area_name, area_type, n_wards, population, population_16_plus,
       share_pop_most_deprived_20pc
from core_areas
order by sort_order
