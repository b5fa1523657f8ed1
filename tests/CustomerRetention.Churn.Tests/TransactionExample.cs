using NodaTime;

namespace CustomerRetention.Churn.Tests;

/// <summary>
/// The worked example of docs/churn.md and docs/cohorts.md: four customers, January–March 2024.
/// A buys 01-05 (10), 02-10 (20), 03-20 (30); B 01-20 (5); C 02-15 (7), 03-31 (8); D 01-10 (12), 03-05 (13).
/// </summary>
internal static class TransactionExample
{
    public static TransactionTable Table()
    {
        var builder = new TransactionTable.Builder();
        void Add(string customer, int month, int day, decimal amount) =>
            builder.Add(new CustomerId(customer), new LocalDate(2024, month, day), amount);

        // Deliberately not sorted by customer or date: the algorithms must not rely on order.
        Add("C", 3, 31, 8m);
        Add("A", 1, 5, 10m);
        Add("B", 1, 20, 5m);
        Add("D", 3, 5, 13m);
        Add("A", 3, 20, 30m);
        Add("C", 2, 15, 7m);
        Add("D", 1, 10, 12m);
        Add("A", 2, 10, 20m);
        return builder.ToTable();
    }
}
