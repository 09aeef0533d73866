-- Places pins made in one period in one area (the borough: every cluster), newest first
select contribution_id, project_id, tool, submitted_on, cluster_slug, lat, lon, sentiment,
       comment_text
from mart_engagement__comments
where lat is not null
  and $period in (fy_label, quarter_label)
  and ($area = 'borough' or cluster_slug = $area)
order by submitted_on desc, contribution_id
limit $limit
