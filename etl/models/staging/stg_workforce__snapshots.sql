-- one row per employee per 31 March snapshot (latest extract wins)
with source as (
    select * from raw_workforce__snapshots
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by employee_id, snapshot_date order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        employee_id::VARCHAR as employee_id,
        snapshot_date::DATE as snapshot_on,
        directorate::VARCHAR as directorate,
        grade_band::VARCHAR as grade_band,
        fte::DOUBLE as fte,
        full_pay_relevant::BOOLEAN as is_full_pay_relevant,
        hourly_pay_gbp::DOUBLE as hourly_pay_gbp,
        bonus_paid_12m_gbp::DOUBLE as bonus_paid_12m_gbp,
        start_date::DATE as started_on,
        sex::VARCHAR as sex,
        age_band::VARCHAR as age_band,
        ethnic_group::VARCHAR as ethnic_group,
        disability::VARCHAR as disability,
        religion::VARCHAR as religion,
        sexual_orientation::VARCHAR as sexual_orientation,
        home_ward_code::VARCHAR as home_ward_code
    from latest
)

select * from final
