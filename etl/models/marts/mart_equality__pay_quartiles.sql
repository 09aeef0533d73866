-- one row per snapshot per quartile pay band (1 = lower ... 4 = upper): men and women in each
--
-- The Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017 (SI 2017/353),
-- Schedule 1, and the same steps in SI 2017/172 reg. 13
-- (https://www.legislation.gov.uk/uksi/2017/172/regulation/13/made), with the GOV.UK guidance
-- "Gender pay gap reporting: make your calculations"
-- (https://www.gov.uk/guidance/gender-pay-gap-reporting-make-your-calculations):
--   Step 1  rank male and female full-pay relevant employees by hourly rate of ordinary pay;
--   Step 2  divide them into four bands of (so far as possible) equal numbers. When the count is
--           not divisible by 4 the remainder is spread one each over the lowest bands first
--           (ntile(4): 11 people -> 3, 3, 3, 2), so no two bands differ by more than one person;
--   (2)     where people on the same hourly rate straddle a band boundary, men and women on that
--           rate are distributed across it in proportion, as the GOV.UK guidance asks: within
--           one rate, the k-th of n_s people of a sex (in pseudonymised id
--           order) is placed at (k - 0.5) / n_s, which interleaves the sexes in proportion (a
--           2 women and 2 men tie takes one of each, then one of each), so each band receives
--           the rate's men and women in as near the same proportion as whole people allow.
--           Tie rule where a man and a woman sit at the same position (it cannot be split in
--           whole people): they are ordered by pseudonymised employee id, a keyed hash that
--           carries no information about sex, so neither sex is systematically placed lower.
--   Steps 3-4  % male and % female of the band's full-pay relevant employees.
-- Employees whose sex is not recorded as Male or Female are outside the statutory figures.
with workforce as (
    select * from core_workforce
),

relevant as (
    select
        snapshot_on,
        employee_id,
        sex,
        hourly_pay_gbp
    from workforce
    where is_full_pay_relevant and sex in ('Male', 'Female')
),

placed as (
    select
        *,
        (
            row_number() over (
                partition by snapshot_on, hourly_pay_gbp, sex order by employee_id
            ) - 0.5
        ) / count(*) over (partition by snapshot_on, hourly_pay_gbp, sex) as position_in_rate
    from relevant
),

banded as (
    select
        *,
        ntile(4) over (
            partition by snapshot_on
            order by hourly_pay_gbp, position_in_rate, employee_id
        ) as quartile
    from placed
),

final as (
    select
        year(snapshot_on)::integer as snapshot_year,
        snapshot_on::date as snapshot_on,
        quartile::integer as quartile,
        (['Lower', 'LowerMiddle', 'UpperMiddle', 'Top'])[quartile]::varchar as quartile_name,
        count(*)::bigint as n_in_band,
        count(*) filter (where sex = 'Male')::bigint as n_male,
        count(*) filter (where sex = 'Female')::bigint as n_female,
        (100.0 * count(*) filter (where sex = 'Male') / count(*))::double as male_percent,
        (100.0 * count(*) filter (where sex = 'Female') / count(*))::double as female_percent,
        min(hourly_pay_gbp)::double as min_hourly_pay_gbp,
        max(hourly_pay_gbp)::double as max_hourly_pay_gbp
    from banded
    group by snapshot_on, quartile
)

select * from final
