using CustomerRetention.Churn;
using CustomerRetention.Relationships;
using CustomerRetention.Rfm;
using CustomerRetention.Satisfaction;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Json.Tests;

/// <summary>
/// FsCheck generators of valid values of the library's types, for the round-trip properties
/// (<c>[Property(Arbitrary = new[] { typeof(Arbitraries) })]</c>). Arguments are drawn near the
/// valid range and kept when the type's own constructor accepts them, so the generators never
/// restate the validation rules.
/// </summary>
public static class Arbitraries
{
    /// <summary>Doubles with many significant digits and exponents from 1e-30 to 1e30, both signs, and zero.</summary>
    public static readonly Gen<double> Doubles =
        Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (9, from m in Gen.Choose(int.MinValue, int.MaxValue)
                from e in Gen.Choose(-30, 30)
                select m * Math.Pow(10, e - 9)));

    /// <summary>Non-negative doubles of the same kind.</summary>
    public static readonly Gen<double> NonNegativeDoubles = Doubles.Select(Math.Abs);

    /// <summary>Values in [0, 1], with the ends and awkward binary fractions.</summary>
    public static readonly Gen<double> UnitInterval =
        Gen.Frequency(
            (1, Gen.Elements(0.0, 1.0, 0.1 + 0.2, 1e-300, 1 - 1e-16)),
            (9, Gen.Choose(0, int.MaxValue).Select(i => i / (double)int.MaxValue)));

    /// <summary>Decimals with up to 6 decimals, both signs.</summary>
    public static readonly Gen<decimal> Decimals =
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Choose(0, 1000)
        from negative in Gen.Elements(false, true)
        from scale in Gen.Choose(0, 6)
        select new decimal(lo, mid, 0, negative, (byte)scale);

    /// <summary>Dates from 1990 to about 2045.</summary>
    public static readonly Gen<LocalDate> Dates = Gen.Choose(0, 20_000).Select(d => new LocalDate(1990, 1, 1).PlusDays(d));

    /// <summary>Customer ids: any string, including empty, quotes, control characters and non-ASCII.</summary>
    public static readonly Gen<CustomerId> CustomerIds =
        Gen.Frequency(
            (1, Gen.Elements("", "\"", "\\", "\u0001", "é漢字🙂", "C-001")),
            (9, Gen.ArrayOf(Gen.Choose(1, 0xD7FF).Select(c => (char)c)).Select(cs => new string(cs))))
        .Select(s => new CustomerId(s));

    public static Arbitrary<double> Double() => Doubles.ToArbitrary();

    public static Arbitrary<decimal> Decimal() => Decimals.ToArbitrary();

    public static Arbitrary<LocalDate> LocalDate() => Dates.ToArbitrary();

    public static Arbitrary<CustomerId> CustomerId() => CustomerIds.ToArbitrary();

    public static Arbitrary<Probability> Probability() => UnitInterval.Select(p => new Probability(p)).ToArbitrary();

    public static Arbitrary<ChurnRate> ChurnRate() => UnitInterval.Select(p => new ChurnRate(p)).ToArbitrary();

    public static Arbitrary<RetentionRate> RetentionRate() => UnitInterval.Select(p => new RetentionRate(p)).ToArbitrary();

    public static Arbitrary<TimeUnit> TimeUnit() =>
        Gen.Frequency(
            (1, Gen.Elements(CustomerRetention.TimeUnit.Day, CustomerRetention.TimeUnit.Week)),
            (3, Valid(NonNegativeDoubles, CustomerRetention.TimeUnit.OfDays))).ToArbitrary();

    public static Arbitrary<Transaction> Transaction() =>
        (from c in CustomerIds from d in Dates from a in Decimals select new Transaction(c, d, a)).ToArbitrary();

    public static Arbitrary<DailyPurchase> DailyPurchase() =>
        (from c in CustomerIds from d in Dates from a in Decimals from n in Gen.Choose(1, int.MaxValue)
         select new DailyPurchase(c, d, a, n)).ToArbitrary();

    public static readonly Gen<PurchaseSummary> Summaries =
        Valid(
            from first in Dates
            from span in Gen.Choose(0, 3000)
            from days in Gen.Choose(1, 3001)
            from extra in Gen.Choose(0, 1000)
            from total in Decimals
            from firstDay in Decimals
            select (first, span, days, extra, total, firstDay),
            a => new PurchaseSummary(a.first, a.first.PlusDays(a.span), a.days + a.extra, a.span == 0 ? 1 : Math.Min(a.days, a.span + 1), a.total, a.firstDay));

    public static Arbitrary<PurchaseSummary> PurchaseSummary() =>
        Gen.Frequency((1, Gen.Constant(default(PurchaseSummary))), (9, Summaries)).ToArbitrary();

    public static Arbitrary<ModelInput> ModelInput() =>
        Valid(
            from x in Gen.Choose(0, 1000) from t in NonNegativeDoubles from f in UnitInterval from m in Decimals
            select (x, t, f, m),
            a => new ModelInput(a.x, a.x == 0 ? 0 : a.f * a.t, a.t, a.m)).ToArbitrary();

    public static Arbitrary<PurchaseSummaries> PurchaseSummaries() =>
        (from rows in Gen.ArrayOf(from c in CustomerIds from s in Summaries select (c, s))
         from cutOff in Gen.Elements(false, true)
         let distinct = rows.GroupBy(r => r.c).Select(g => g.First()).ToArray()
         let through = cutOff && distinct.Length > 0 ? distinct.Max(r => r.s.LastPurchase) : (LocalDate?)null
         select CustomerRetention.PurchaseSummaries.Create(distinct.Select(r => r.c).ToArray(), distinct.Select(r => r.s).ToArray(), through))
        .ToArbitrary();

    public static Arbitrary<RfmValues> RfmValues() =>
        (from r in Gen.Choose(0, 100_000) from f in Gen.Choose(0, 100_000) from m in Decimals select new RfmValues(r, f, m)).ToArbitrary();

    public static readonly Gen<RfmScore> Scores =
        Gen.Frequency(
            (1, Gen.Constant(default(RfmScore))),
            (9, from r in Gen.Choose(1, 10) from f in Gen.Choose(1, 10) from m in Gen.Choose(1, 10) select new RfmScore(r, f, m)));

    public static Arbitrary<RfmScore> RfmScore() => Scores.ToArbitrary();

    public static Arbitrary<ScoreRange> ScoreRange() =>
        (from a in Gen.Choose(1, 10) from b in Gen.Choose(1, 10) select new ScoreRange(Math.Min(a, b), Math.Max(a, b))).ToArbitrary();

    public static Arbitrary<PurchaseCadence> PurchaseCadence() =>
        (from n in Gen.Choose(0, 10_000) from g in NonNegativeDoubles select new PurchaseCadence(n, g)).ToArbitrary();

    public static Arbitrary<CustomerSignals> CustomerSignals() =>
        (from v in RfmValues().Generator from s in Scores from p in Scores from c in PurchaseCadence().Generator
         select new CustomerSignals(v, s, p, c)).ToArbitrary();

    public static Arbitrary<ThresholdCondition> ThresholdCondition() =>
        (from d in Gen.Elements(Enum.GetValues<RfmDimension>())
         from t in Gen.Elements(Enum.GetValues<ThresholdTarget>())
         from atLeast in Gen.Elements(false, true)
         from limit in Doubles
         select new ThresholdCondition(d, t, atLeast, limit)).ToArbitrary();

    public static Arbitrary<RetentionScenario> RetentionScenario() =>
        (from a in Doubles from b in Doubles select new RetentionScenario(a, b)).ToArbitrary();

    public static Arbitrary<SpendComparison> SpendComparison() =>
        (from a in Gen.Frequency((1, Gen.Constant(0.0)), (4, Doubles)) from b in Doubles from c in Doubles
         select new SpendComparison(a, b, c)).ToArbitrary();

    public static Arbitrary<PeriodChurn> PeriodChurn() =>
        (from start in Gen.Choose(1, int.MaxValue)
         from lostShare in UnitInterval
         from added in Gen.Choose(0, int.MaxValue)
         from newLostShare in UnitInterval
         select ChurnMath.Period(start, (long)Math.Floor(start * lostShare), added, (long)Math.Floor(added * newLostShare))).ToArbitrary();

    public static Arbitrary<ConfidenceInterval> ConfidenceInterval() =>
        Valid(from a in Doubles from b in Doubles from l in UnitInterval select (a, b, l),
            x => new ConfidenceInterval(Math.Min(x.a, x.b), Math.Max(x.a, x.b), x.l)).ToArbitrary();

    public static Arbitrary<MeanEstimate> MeanEstimate() =>
        Valid(from n in Gen.Choose(0, int.MaxValue) from m in Doubles from s in NonNegativeDoubles select (n, m, s),
            x => new MeanEstimate(x.n, x.m, x.s)).ToArbitrary();

    public static Arbitrary<KanoTally> KanoTally() =>
        (from c in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 6)
         select new KanoTally(c[0], c[1], c[2], c[3], c[4], c[5])).ToArbitrary();

    public static Arbitrary<NpsResult> NpsResult() =>
        Valid(from c in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 3) select c, c => new NpsResult(c[0], c[1], c[2])).ToArbitrary();

    public static Arbitrary<NpsComparison> NpsComparison() =>
        // Levels up to 0.999: the interval of a level within an ulp of 1 cannot be computed (the
        // normal quantile of 1 is infinite), which Satisfaction reports by throwing.
        Valid(from d in Gen.Choose(-200_000, 200_000) from s in NonNegativeDoubles from l in Gen.Choose(1, 999) select (d, s, l: l / 1000.0),
            x => new NpsComparison(x.d / 1000.0, x.s, x.l)).ToArbitrary();

    public static Arbitrary<AcsiWeights> AcsiWeights() =>
        Valid(from a in UnitInterval from b in UnitInterval from c in UnitInterval select (a, b, c),
            x => new AcsiWeights(x.a, x.b, x.c)).ToArbitrary();

    public static Arbitrary<EmotionalEntry> EmotionalEntry() =>
        Valid(from d in Dates from k in Gen.Elements(Enum.GetValues<EmotionalEntryKind>()) from p in NonNegativeDoubles select (d, k, p),
            x => new EmotionalEntry(x.d, x.k, x.p)).ToArbitrary();

    public static Arbitrary<LockInLevers> LockInLevers() =>
        (from a in UnitInterval from b in UnitInterval from c in UnitInterval from r in Gen.Elements(false, true) from d in UnitInterval
         select new LockInLevers(a, b, c, r ? d : null)).ToArbitrary();

    public static Arbitrary<TrustRule> TrustRule() =>
        Valid(from r in Gen.Choose(0, 255) from a in Gen.Choose(0, 255) from n in Gen.Choose(0, 8) select (r, a, n),
            x => new TrustRule((TrustSignal)x.r, (TrustSignal)x.a, x.n)).ToArbitrary();

    public static Arbitrary<ValueTierSignals> ValueTierSignals() =>
        Valid(from p in UnitInterval from b in Doubles from n in Gen.Choose(0, 1000) select (p, b, n),
            x => new ValueTierSignals(x.p, x.b, x.n)).ToArbitrary();

    public static Arbitrary<CustomerTier> CustomerTier() =>
        Valid(from n in Gen.Elements("Gold", "Silver", "Ü") from t in NonNegativeDoubles from p in Gen.Choose(0, 255) select (n, t, p),
            x => new CustomerTier(x.n, x.t, (Privilege)x.p)).ToArbitrary();

    public static Arbitrary<Departure> Departure() =>
        Valid(from c in Gen.Elements("c1", "Ä-7") from d in Dates from r in Decimals
              from reasons in Gen.SubListOf(Enum.GetValues<ChurnReason>()) select (c, d, r, reasons),
            x => new Departure(x.c, x.d, x.r, x.reasons)).ToArbitrary();

    public static Arbitrary<TierScheme> TierScheme() =>
        Valid(from steps in Gen.NonEmptyListOf(Gen.Choose(1, 1_000_000))
              from privileges in Gen.Choose(0, 255)
              from measure in Gen.Elements(Enum.GetValues<TierMeasure>())
              from margin in UnitInterval
              select (steps, privileges, measure, margin),
            x => new TierScheme(
                x.measure,
                x.margin,
                x.steps.Select((s, i) => new CustomerTier("Tier " + i, x.steps.Take(i + 1).Sum() / 100.0, (Privilege)x.privileges)))).ToArbitrary();

    /// <summary>Up to 60 purchases of up to 8 customers over about 14 months: (customer index, day number, amount).</summary>
    public static readonly Gen<(int[] Customers, int[] Days, decimal[] Amounts)> Purchases =
        from rows in Gen.ArrayOf(from c in Gen.Choose(0, 7) from d in Gen.Choose(0, 420) from a in Decimals select (c, d, a))
        select (rows.Select(r => r.c).ToArray(), rows.Select(r => DayNumbers.FromDate(new LocalDate(2023, 1, 1).PlusDays(r.d))).ToArray(), rows.Select(r => r.a).ToArray());

    public static Arbitrary<CohortTable> CohortTable() =>
        Valid(from p in Purchases from period in Gen.Elements(Enum.GetValues<CalendarPeriod>()) select (p, period),
            x => Cohorts.Build(x.p.Customers, x.p.Days, x.p.Amounts, 8, x.period)).ToArbitrary();

    public static Arbitrary<TransactionChurnTable> TransactionChurnTable() =>
        Valid(from p in Purchases from period in Gen.Elements(Enum.GetValues<CalendarPeriod>()) from window in Gen.Choose(1, 120) select (p, period, window),
            x => TransactionChurn.Compute(x.p.Customers, x.p.Days, 8, x.period, x.window)).ToArbitrary();

    public static Arbitrary<RevenueRetention> RevenueRetention() =>
        Valid(from pairs in Gen.NonEmptyListOf(from a in NonNegativeDoubles from b in NonNegativeDoubles from gone in Gen.Elements(false, true) select (a, gone ? 0 : b))
              select pairs,
            x => CustomerRetention.Churn.RevenueRetention.Compute(x.Select(p => p.a).ToArray(), x.Select(p => p.Item2).ToArray())).ToArbitrary();

    public static readonly Gen<RatingScale> Scales = Gen.Elements(RatingScale.FivePoint, RatingScale.SevenPoint, RatingScale.ZeroToTen);

    /// <summary>Survey items rated on a 1–7 scale (valid on the five- and seven-point scales only when in range; kept when the analysis accepts them).</summary>
    public static readonly Gen<SurveyItem[]> SurveyItems =
        Gen.ArrayOf(from i in Gen.Choose(1, 7) from p in Gen.Choose(1, 7) from n in Gen.Choose(0, 99) select new SurveyItem("item " + n, i, p));

    public static Arbitrary<CsatResult> CsatResult() =>
        Valid(from scale in Scales from answers in Gen.NonEmptyListOf(Gen.Choose(0, 10)) from top in Gen.Choose(1, 3) select (scale, answers, top),
            x => Csat.Compute(x.scale, x.answers.ToArray(), x.top)).ToArbitrary();

    public static Arbitrary<CsiResult> CsiResult() =>
        Valid(from scale in Scales from items in SurveyItems select (scale, items), x => Csi.Compute(x.scale, x.items)).ToArbitrary();

    public static Arbitrary<ImportancePerformanceResult> ImportancePerformanceResult() =>
        Valid(from scale in Scales from items in SurveyItems from cross in Gen.Elements(Enum.GetValues<IpaCrosshair>()) select (scale, items, cross),
            x => ImportancePerformance.Analyze(x.scale, x.items, x.cross)).ToArbitrary();

    public static Arbitrary<ServqualResult> ServqualResult() =>
        Valid(from items in Gen.NonEmptyListOf(from d in Gen.Elements(Enum.GetValues<ServqualDimension>()) from e in Gen.Choose(1, 7) from p in Gen.Choose(1, 7) select new ServqualItem(d, e, p))
              from weighted in Gen.Elements(false, true)
              from w in Gen.ArrayOf(Gen.Choose(1, 100), 5)
              select (items, weighted, w),
            x => Servqual.Gaps(RatingScale.SevenPoint, x.items, x.weighted ? x.w.Select(v => (double)v).ToArray() : null)).ToArbitrary();

    /// <summary>Draws arguments and keeps the values the type's constructor accepts.</summary>
    public static Gen<T> Valid<TArgs, T>(Gen<TArgs> arguments, Func<TArgs, T> create) =>
        arguments.Select(a => TryCreate(create, a)).Where(r => r.Ok).Select(r => r.Value!);

    private static (bool Ok, T? Value) TryCreate<TArgs, T>(Func<TArgs, T> create, TArgs arguments)
    {
        try
        {
            return (true, create(arguments));
        }
        catch (ArgumentException)
        {
            return (false, default);
        }
    }
}
