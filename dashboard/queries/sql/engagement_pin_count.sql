-- how many Places pins match, so the page can say when it shows only the newest
select count(*) as n_pins
from mart_engagement__comments
where lat is not null
  and $period in (fy_label, quarter_label)
  and ($area = 'borough' or cluster_slug = $area)
