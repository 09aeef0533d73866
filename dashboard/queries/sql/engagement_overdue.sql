-- consultations closed without "you said, we did" feedback beyond the target, oldest first
select project_id, title, area_name, closed_on, days_waiting_for_feedback, feedback_target_days,
       as_at_date
from mart_engagement__projects
where status = 'feedback overdue' and ($area = 'borough' or area_slug = $area)
order by days_waiting_for_feedback desc, title
