-- participants by characteristic in every area for one period: protected together, because a
-- cluster's figures are parts of the borough's
select area_slug, period_type, characteristic, category, is_disclosed, n_participants, n_total,
       n_disclosed, share_of_disclosed, census_share, comparator, representation_ratio
from mart_engagement__participant_profile
where period_label = $period
order by area_slug, characteristic, is_disclosed desc, category
