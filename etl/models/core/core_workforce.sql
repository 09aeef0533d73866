-- one row per employee (pseudonymised) per 31 March snapshot; undisclosed characteristics made explicit
with snapshots as (
    select * from stg_workforce__snapshots
),

wards as (
    select * from core_ward_clusters
),

final as (
    select
        snapshots.employee_id::varchar as employee_id,
        snapshots.snapshot_on::date as snapshot_on,
        fy_label(snapshots.snapshot_on)::varchar as fy_label,
        snapshots.directorate::varchar as directorate,
        snapshots.grade_band::varchar as grade_band,
        snapshots.fte::double as fte,
        snapshots.is_full_pay_relevant::boolean as is_full_pay_relevant,
        snapshots.hourly_pay_gbp::double as hourly_pay_gbp,
        coalesce(snapshots.bonus_paid_12m_gbp, 0)::double as bonus_paid_12m_gbp,
        (coalesce(snapshots.bonus_paid_12m_gbp, 0) > 0)::boolean as is_bonus_paid,
        snapshots.started_on::date as started_on,
        coalesce(snapshots.sex, 'Not disclosed')::varchar as sex,
        coalesce(snapshots.age_band, 'Not disclosed')::varchar as age_band,
        coalesce(snapshots.ethnic_group, 'Not disclosed')::varchar as ethnic_group,
        coalesce(snapshots.disability, 'Not disclosed')::varchar as disability,
        coalesce(snapshots.religion, 'Not disclosed')::varchar as religion,
        coalesce(snapshots.sexual_orientation, 'Not disclosed')::varchar as sexual_orientation,
        snapshots.home_ward_code::varchar as home_ward_code,
        wards.cluster_slug::varchar as home_cluster_slug,
        (snapshots.home_ward_code is not null)::boolean as is_living_in_borough
    from snapshots
    left join wards
        on wards.ward_code = snapshots.home_ward_code
        and snapshots.snapshot_on between wards.valid_from and wards.valid_to
)

select * from final
