-- one row per metric per area per period: every KPI value the dashboard reads
with all_values as (
    select * from metric_commitments_on_track_share
    union all by name select * from metric_emp_active_volunteers_per_1000
    union all by name select * from metric_emp_digital_help_per_1000
    union all by name select * from metric_emp_hub_attendances_per_1000
    union all by name select * from metric_emp_tcca_fulfilled_48h_share
    union all by name select * from metric_emp_tcca_median_hours_to_fulfil
    union all by name select * from metric_emp_tcca_requests_per_1000
    union all by name select * from metric_eng_contributions_per_1000
    union all by name select * from metric_eng_feedback_published_share
    union all by name select * from metric_eng_median_days_to_answer
    union all by name select * from metric_eng_median_days_to_feedback
    union all by name select * from metric_eng_participants_per_1000
    union all by name select * from metric_eng_questions_answered_share
    union all by name select * from metric_equ_disabled_staff_representation
    union all by name select * from metric_equ_ethnic_minority_representation
    union all by name select * from metric_equ_gender_pay_gap_mean
    union all by name select * from metric_equ_gender_pay_gap_median
    union all by name select * from metric_equ_staff_living_in_borough_share
    union all by name select * from metric_equ_workforce_disclosure_rate
),

final as (
    select
        metric_id::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        value::double as value,
        numerator::double as numerator,
        denominator::double as denominator,
        -- the smallest group of people a figure that is not a count of people rests on
        -- (pay gaps); null where the numerator is the count (see counts_people)
        base_n::bigint as base_n
    from all_values
    where value is not null
)

select * from final order by metric_id, area_slug, period_type, period_label
