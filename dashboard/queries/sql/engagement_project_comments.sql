-- one project's most recent resident comments (escaped on display)
select contribution_id, tool, submitted_on, sentiment, comment_text, is_answered
from mart_engagement__comments
where project_id = $project and comment_text is not null
order by submitted_on desc, contribution_id
limit $limit
