-- one row per snapshot per statutory gender pay gap figure, named as the GOV.UK service names it
--
-- The Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1:
--   hourly pay (mean, median): full-pay relevant employees only, hourly rate of ordinary pay in
--     the pay period containing the 31 March snapshot; gap = (men - women) / men x 100.
--     Part-time staff count on their hourly rate like anyone else.
--   bonus (mean, median): ALL relevant employees (full-pay or not) who were paid bonus pay in the
--     12 months to the snapshot; gap = (men - women) / men x 100 among those who received one.
--   MaleBonusPercent / FemaleBonusPercent: men (women) paid a bonus as % of all relevant men (women).
--   quartiles: from mart_equality__pay_quartiles (method and citations there).
-- Only employees recorded as Male or Female are in the figures. n_base is the number of people
-- the figure rests on (the smaller of the two groups for a gap), for disclosure control.
with workforce as (
    select * from core_workforce
),

quartiles as (
    select * from mart_equality__pay_quartiles
),

relevant as (
    select * from workforce
    where sex in ('Male', 'Female')
),

by_snapshot as (
    select
        snapshot_on,
        avg(hourly_pay_gbp) filter (where is_full_pay_relevant and sex = 'Male') as mean_m,
        avg(hourly_pay_gbp) filter (where is_full_pay_relevant and sex = 'Female') as mean_f,
        median(hourly_pay_gbp) filter (where is_full_pay_relevant and sex = 'Male') as median_m,
        median(hourly_pay_gbp) filter (where is_full_pay_relevant and sex = 'Female') as median_f,
        count(*) filter (where is_full_pay_relevant and sex = 'Male') as n_fp_m,
        count(*) filter (where is_full_pay_relevant and sex = 'Female') as n_fp_f,
        avg(bonus_paid_12m_gbp) filter (where is_bonus_paid and sex = 'Male') as bonus_mean_m,
        avg(bonus_paid_12m_gbp) filter (where is_bonus_paid and sex = 'Female') as bonus_mean_f,
        median(bonus_paid_12m_gbp) filter (where is_bonus_paid and sex = 'Male') as bonus_median_m,
        median(bonus_paid_12m_gbp) filter (
            where is_bonus_paid and sex = 'Female'
        ) as bonus_median_f,
        count(*) filter (where is_bonus_paid and sex = 'Male') as n_bonus_m,
        count(*) filter (where is_bonus_paid and sex = 'Female') as n_bonus_f,
        count(*) filter (where sex = 'Male') as n_m,
        count(*) filter (where sex = 'Female') as n_f
    from relevant
    group by snapshot_on
),

headline as (
    select
        snapshot_on,
        figures.measure,
        figures.measure_order,
        figures.value,
        figures.n_base
    from by_snapshot
    cross join lateral (
        values
            ('DiffMeanHourlyPercent', 1, 100.0 * (mean_m - mean_f) / nullif(mean_m, 0),
                least(n_fp_m, n_fp_f)),
            ('DiffMedianHourlyPercent', 2, 100.0 * (median_m - median_f) / nullif(median_m, 0),
                least(n_fp_m, n_fp_f)),
            ('DiffMeanBonusPercent', 3,
                100.0 * (bonus_mean_m - bonus_mean_f) / nullif(bonus_mean_m, 0),
                least(n_bonus_m, n_bonus_f)),
            ('DiffMedianBonusPercent', 4,
                100.0 * (bonus_median_m - bonus_median_f) / nullif(bonus_median_m, 0),
                least(n_bonus_m, n_bonus_f)),
            ('MaleBonusPercent', 5, 100.0 * n_bonus_m / nullif(n_m, 0), n_bonus_m),
            ('FemaleBonusPercent', 6, 100.0 * n_bonus_f / nullif(n_f, 0), n_bonus_f)
    ) as figures(measure, measure_order, value, n_base)
),

quartile_figures as (
    select
        snapshot_on,
        sexes.sex_prefix || quartile_name || 'Quartile' as measure,
        6 + 2 * quartile + sexes.offset_in_pair as measure_order,
        case sexes.sex_prefix when 'Male' then male_percent else female_percent end as value,
        case sexes.sex_prefix when 'Male' then n_male else n_female end as n_base
    from quartiles
    cross join (values ('Male', -1), ('Female', 0)) as sexes(sex_prefix, offset_in_pair)
),

combined as (
    select * from headline
    union all
    select * from quartile_figures
),

final as (
    select
        year(snapshot_on)::integer as snapshot_year,
        snapshot_on::date as snapshot_on,
        measure_order::integer as measure_order,
        measure::varchar as measure,
        value::double as value,
        n_base::bigint as n_base
    from combined
)

select * from final
