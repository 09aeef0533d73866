-- the current ward -> cluster mapping with Census 2021 population and IMD 2019 deprivation
select w.ward_code, w.ward_name, w.cluster_slug, p.total as population,
       i.share_pop_in_imd_decile_1_2 as share_pop_most_deprived_20pc
from core_ward_clusters w
left join ref_census2021_age_by_ward p using (ward_code)
left join ref_imd2019_by_ward i using (ward_code)
where w.valid_to = (select max(valid_to) from core_ward_clusters)
order by w.cluster_slug, w.ward_name
