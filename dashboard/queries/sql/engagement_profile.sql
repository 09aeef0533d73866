-- participants by characteristic in one area and period, beside the Census 2021 comparator
select characteristic, category, is_disclosed, n_participants, n_total, n_disclosed,
       share_of_disclosed, census_share, comparator, representation_ratio
from mart_engagement__participant_profile
where period_label = $period and area_slug = $area
order by characteristic, is_disclosed desc, category
