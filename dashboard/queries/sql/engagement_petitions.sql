-- petitions opened in one period; a cluster shows its own petitions, the borough all of them
select petition_id, project_id, title, area_name, created_on, closed_on, signatures, threshold,
       reached_threshold, response_on, days_to_response
from mart_engagement__petitions
where $period in (fy_label, quarter_label) and ($area = 'borough' or area_slug = $area)
order by created_on desc, title
