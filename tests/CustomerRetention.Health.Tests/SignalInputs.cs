using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Health.Tests;

/// <summary>
/// Raw numbers from which a customer's signals are built, so that a property can change one input and
/// compare the two scores. Which signals exist is a bit mask; every value is drawn on a grid.
/// </summary>
internal sealed record SignalInputs(int Mask, int[] V, int[][] Tickets, int[] Words)
{
    public static readonly LocalDate AsOf = new(2026, 6, 30);

    // V: 0 days silent, 1 gap, 2 own rhythm, 3 p(alive) ‰, 4 previous p(alive) ‰ (< 0 none), 5 latest answer 0-10,
    // 6 previous answer (< 0 none), 7 renewal offset days, 8 engaged, 9 previous spend, 10 recent spend.
    public const int Length = 11;

    public static Arbitrary<SignalInputs> Arbitrary { get; } =
        Gen.Zip(
                Gen.Zip(Gen.Choose(0, 127), Gen.Choose(0, 1000).ArrayOf(Length)),
                Gen.Zip(Gen.Choose(0, 200).ArrayOf(4).ListOf(), Gen.Choose(0, 200).ListOf()))
            .Select(t => new SignalInputs(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1.ToArray(), t.Item2.Item2.ToArray()))
            .ToArbitrary();

    public bool Has(int signal) => (Mask & (1 << signal)) != 0;

    public int DaysSilent => V[0];

    public double Gap => 1 + (V[1] % 200);

    public double PAlive => V[3] / 1000.0;

    public double? PreviousPAlive => V[4] % 3 == 0 ? null : V[4] / 1000.0;

    public int Latest => V[5] % 11;

    public int? PreviousAnswer => V[6] % 12 == 11 ? null : V[6] % 11;

    public int RenewalOffset => (V[7] % 500) - 100;

    public bool Engaged => V[8] % 2 == 1;

    public double PreviousSpend => V[9];

    public double RecentSpend => V[10];

    public static SupportTicket Ticket(int[] t)
    {
        LocalDate opened = AsOf.PlusDays(-(t[0] % 200));
        LocalDate? resolved = t[3] % 3 == 0 ? null : opened.PlusDays(t[3] % 150);
        return new SupportTicket(opened, (TicketSeverity)(t[1] % 4), (TicketKind)(t[2] % 2), resolved);
    }

    public CustomerHealthSignals Build() => new()
    {
        Cadence = Has(0) ? new PurchaseCadenceSignal(DaysSilent, Gap, V[2] % 2 == 0) : null,
        Alive = Has(1) ? new AliveSignal(new Probability(PAlive), PreviousPAlive is { } p ? new Probability(p) : null) : null,
        Tickets = Has(2) ? new TicketSignal(Tickets.Select(Ticket), AsOf) : null,
        Satisfaction = Has(3) ? SatisfactionSignal.Nps(Latest, PreviousAnswer) : null,
        Renewal = Has(4) ? new RenewalSignal(AsOf.PlusDays(RenewalOffset), AsOf, Engaged) : null,
        SpendTrend = Has(5) ? new SpendTrendSignal(PreviousSpend, RecentSpend, 90) : null,
        RiskWords = Has(6)
            ? new RiskWordSignal(Words.Select(i => RiskLexicon.Default.Phrases[i % RiskLexicon.Default.Phrases.Count]).Select(p => new RiskWordMatch(p, 0)))
            : null,
    };

    /// <summary>A copy with V[index] set to <paramref name="value"/>.</summary>
    public SignalInputs With(int index, int value)
    {
        int[] v = (int[])V.Clone();
        v[index] = value;
        return this with { V = v };
    }
}
