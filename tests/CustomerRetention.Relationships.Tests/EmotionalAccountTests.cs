using CustomerRetention.Relationships;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Relationships.Tests;

/// <summary>The emotional account of the domain brief §1: deposits and withdrawals over time.</summary>
public sealed class EmotionalAccountTests
{
    private static readonly LocalDate May1 = new(2026, 5, 1);

    [Fact]
    public void Ledger_BalanceOverTime_IsHandWorked()
    {
        // Hand-worked: +3 (understanding) and +2 (courtesy) on 1 May → 5; −4 (broken promise) on 3 May → 1;
        // +1 (admitted mistake) and +2 (kept promise) on 10 May → 4.
        EmotionalAccount account = EmotionalAccount.Empty
            .Deposit(May1, EmotionalEntryKind.UnderstandingFirst, 3)
            .Withdraw(May1.PlusDays(2), EmotionalEntryKind.BrokenPromise, 4)
            .Deposit(May1.PlusDays(9), EmotionalEntryKind.AdmittedMistake, 1)
            .Deposit(May1, EmotionalEntryKind.Courtesy, 2)
            .Deposit(May1.PlusDays(9), EmotionalEntryKind.KeptPromise, 2);

        Assert.Equal(4.0, account.Balance);
        IReadOnlyList<EmotionalBalance> history = account.History();
        Assert.Equal(
            new[]
            {
                new EmotionalBalance(May1, 5, 0, 5),
                new EmotionalBalance(May1.PlusDays(2), 0, 4, 1),
                new EmotionalBalance(May1.PlusDays(9), 3, 0, 4),
            },
            history);
        Assert.Equal(0.0, account.BalanceOn(May1.PlusDays(-1)));
        Assert.Equal(5.0, account.BalanceOn(May1.PlusDays(1)));
        Assert.Equal(1.0, account.BalanceOn(May1.PlusDays(8)));
    }

    [Fact]
    public void Record_LeavesTheOriginalUnchanged_AndKeepsDateOrder()
    {
        EmotionalAccount one = EmotionalAccount.Empty.Deposit(May1.PlusDays(5), EmotionalEntryKind.Courtesy, 1);
        EmotionalAccount two = one.Withdraw(May1, EmotionalEntryKind.Deceit, 2);

        Assert.Single(one.Entries);
        Assert.Equal(new[] { May1, May1.PlusDays(5) }, two.Entries.Select(e => e.Date));
        Assert.Equal(-2.0, two.Entries[0].SignedPoints);
    }

    [Fact]
    public void Deposit_WithAWithdrawalKind_Throws()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => EmotionalAccount.Empty.Deposit(May1, EmotionalEntryKind.Arrogance, 1));
        Assert.Equal("kind", e.ParamName);
        Assert.Throws<ArgumentException>(() => EmotionalAccount.Empty.Withdraw(May1, EmotionalEntryKind.Courtesy, 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Entry_NonPositivePoints_Throws(double points)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmotionalEntry(May1, EmotionalEntryKind.Courtesy, points));
    }

    [Fact]
    public void Entry_UnknownKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmotionalEntry(May1, (EmotionalEntryKind)42, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmotionalAccount.Empty.Record(default));
    }

    [Fact]
    public void Kinds_AreSixDepositsAndFourWithdrawals()
    {
        // Domain brief §1: six deposits, four withdrawals.
        EmotionalEntryKind[] kinds = Enum.GetValues<EmotionalEntryKind>();
        Assert.Equal(6, kinds.Count(EmotionalEntryKinds.IsDeposit));
        Assert.Equal(4, kinds.Count(k => !EmotionalEntryKinds.IsDeposit(k)));
    }

    [Fact]
    public void History_LastBalance_EqualsBalance_Meets_Specification()
    {
        var entries = Gen.Choose(-5, 5).Where(p => p != 0).Select(p => p);
        var arb = Gen.ListOf(
            from day in Gen.Choose(0, 30)
            from points in entries
            select new EmotionalEntry(May1.PlusDays(day), points > 0 ? EmotionalEntryKind.Courtesy : EmotionalEntryKind.Arrogance, Math.Abs(points))).ToArbitrary();
        Properties.ForAll(arb, list =>
        {
            EmotionalAccount account = EmotionalAccount.FromEntries(list);
            IReadOnlyList<EmotionalBalance> history = account.History();
            double expected = list.Sum(e => e.SignedPoints);
            return account.Balance == expected
                && (history.Count == 0 ? expected == 0 : history[^1].Balance == expected)
                && history.Zip(history.Skip(1)).All(p => p.First.Date < p.Second.Date);
        });
    }
}
