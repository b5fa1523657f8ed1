using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>
/// The emotional account of one relationship (domain brief §1): a ledger that grows with deposits
/// (understanding first, courtesy, keeping promises, meeting expectations, admitting mistakes,
/// accepting feedback) and shrinks with withdrawals (arrogance, broken promises, deceit, resisting
/// feedback). Immutable: <see cref="Record(EmotionalEntry)"/> returns a new account; safe to share
/// between threads. Entries are kept in date order (entries of one day in the order recorded).
/// </summary>
public sealed class EmotionalAccount
{
    private readonly EmotionalEntry[] _entries;

    private EmotionalAccount(EmotionalEntry[] entries, double balance)
    {
        _entries = entries;
        Balance = balance;
    }

    /// <summary>The account with no entries; its balance is 0.</summary>
    public static EmotionalAccount Empty { get; } = new([], 0.0);

    /// <summary>The entries in date order.</summary>
    public IReadOnlyList<EmotionalEntry> Entries => _entries;

    /// <summary>The current balance: Σ deposits − Σ withdrawals over every entry.</summary>
    public double Balance { get; }

    /// <summary>An account holding <paramref name="entries"/> (in any order).</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The account.</returns>
    public static EmotionalAccount FromEntries(IEnumerable<EmotionalEntry> entries)
    {
        Guard.NotNull(entries);
        EmotionalAccount account = Empty;
        foreach (EmotionalEntry entry in entries)
        {
            account = account.Record(entry);
        }

        return account;
    }

    /// <summary>The account with <paramref name="entry"/> added.</summary>
    /// <param name="entry">A deposit or a withdrawal.</param>
    /// <returns>A new account; this one is unchanged.</returns>
    public EmotionalAccount Record(EmotionalEntry entry)
    {
        // A default(EmotionalEntry) has zero points: reject it as its constructor would.
        Guard.Positive(entry.Points, nameof(entry));
        int at = _entries.Length;
        while (at > 0 && _entries[at - 1].Date > entry.Date)
        {
            at--;
        }

        var entries = new EmotionalEntry[_entries.Length + 1];
        Array.Copy(_entries, 0, entries, 0, at);
        entries[at] = entry;
        Array.Copy(_entries, at, entries, at + 1, _entries.Length - at);
        return new EmotionalAccount(entries, SumOf(entries));
    }

    /// <summary>
    /// The balance summed in the entries' (date) order, so that it depends on the entries alone,
    /// not on the order they were recorded in: an account rebuilt from its stored entries has the
    /// same balance to the last bit. Recording already copies the entries (O(n)), so the sum costs no more.
    /// </summary>
    private static double SumOf(EmotionalEntry[] entries)
    {
        double sum = 0;
        foreach (EmotionalEntry e in entries)
        {
            sum += e.SignedPoints;
        }

        return sum;
    }

    /// <summary>The account with a deposit added.</summary>
    /// <param name="date">The day.</param>
    /// <param name="kind">A deposit kind (e.g. <see cref="EmotionalEntryKind.KeptPromise"/>).</param>
    /// <param name="points">The weight. Range: points &gt; 0.</param>
    /// <returns>A new account.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is a withdrawal.</exception>
    public EmotionalAccount Deposit(LocalDate date, EmotionalEntryKind kind, double points)
    {
        if (!EmotionalEntryKinds.IsDeposit(kind))
        {
            throw new ArgumentException($"{kind} is a withdrawal, not a deposit.", nameof(kind));
        }

        return Record(new EmotionalEntry(date, kind, points));
    }

    /// <summary>The account with a withdrawal added.</summary>
    /// <param name="date">The day.</param>
    /// <param name="kind">A withdrawal kind (e.g. <see cref="EmotionalEntryKind.BrokenPromise"/>).</param>
    /// <param name="points">The weight, a positive magnitude. Range: points &gt; 0.</param>
    /// <returns>A new account.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is a deposit.</exception>
    public EmotionalAccount Withdraw(LocalDate date, EmotionalEntryKind kind, double points)
    {
        if (EmotionalEntryKinds.IsDeposit(kind))
        {
            throw new ArgumentException($"{kind} is a deposit, not a withdrawal.", nameof(kind));
        }

        return Record(new EmotionalEntry(date, kind, points));
    }

    /// <summary>The balance at the end of <paramref name="date"/>: entries on or before it.</summary>
    /// <param name="date">The day.</param>
    /// <returns>Σ deposits − Σ withdrawals up to and including <paramref name="date"/>; 0 before the first entry.</returns>
    public double BalanceOn(LocalDate date)
    {
        double balance = 0.0;
        for (int i = 0; i < _entries.Length && _entries[i].Date <= date; i++)
        {
            balance += _entries[i].SignedPoints;
        }

        return balance;
    }

    /// <summary>The balance over time: one row per day that has entries, in date order.</summary>
    /// <returns>The day's deposits, withdrawals and closing balance.</returns>
    public IReadOnlyList<EmotionalBalance> History()
    {
        var rows = new List<EmotionalBalance>();
        double balance = 0.0;
        int i = 0;
        while (i < _entries.Length)
        {
            LocalDate day = _entries[i].Date;
            double deposits = 0.0;
            double withdrawals = 0.0;
            for (; i < _entries.Length && _entries[i].Date == day; i++)
            {
                if (_entries[i].IsDeposit)
                {
                    deposits += _entries[i].Points;
                }
                else
                {
                    withdrawals += _entries[i].Points;
                }
            }

            balance += deposits - withdrawals;
            rows.Add(new EmotionalBalance(day, deposits, withdrawals, balance));
        }

        return rows;
    }
}
