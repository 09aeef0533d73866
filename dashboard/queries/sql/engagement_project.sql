-- one project's row of the explorer
select * from mart_engagement__projects where project_id = $project
