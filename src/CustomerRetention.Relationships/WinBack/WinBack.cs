using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>
/// Win-back (domain brief §4): track departed customers (step 1), choose whom to call by value × chance
/// (step 2), rank the departure reasons by the revenue they lost (step 4), and measure the programme.
/// The pipeline of one customer is a <see cref="WinBackCase"/>.
/// </summary>
public static class WinBack
{
    /// <summary>Step 1: departures and their revenue lost per calendar month or quarter, in date order; periods without departures are left out.</summary>
    /// <param name="departures">The departures.</param>
    /// <param name="period">Month or quarter.</param>
    /// <returns>One row per period with departures.</returns>
    public static IReadOnlyList<DepartureCount> Count(IEnumerable<Departure> departures, TrackingPeriod period)
    {
        Guard.NotNull(departures);
        Guard.Defined(period);
        var counts = new SortedDictionary<LocalDate, (int Count, decimal Revenue)>();
        foreach (Departure d in departures)
        {
            if (d is null)
            {
                throw new ArgumentException("A departure is null.", nameof(departures));
            }

            int month = period == TrackingPeriod.Month ? d.Date.Month : (((d.Date.Month - 1) / 3) * 3) + 1;
            var start = new LocalDate(d.Date.Year, month, 1);
            counts.TryGetValue(start, out (int Count, decimal Revenue) c);
            counts[start] = (c.Count + 1, c.Revenue + d.RevenueLost);
        }

        var rows = new List<DepartureCount>(counts.Count);
        foreach (KeyValuePair<LocalDate, (int Count, decimal Revenue)> kv in counts)
        {
            rows.Add(new DepartureCount(kv.Key, kv.Value.Count, kv.Value.Revenue));
        }

        return rows;
    }

    /// <summary>
    /// Step 4: ties each reason to the revenue it lost and ranks the reasons, most revenue first (ties: more
    /// departures first, then the source's order). A departure with k reasons gives each revenue ÷ k
    /// (<see cref="ReasonAttribution.EqualShare"/>) or its whole revenue (<see cref="ReasonAttribution.Full"/>).
    /// Departures without reasons are counted apart as undiagnosed.
    /// </summary>
    /// <param name="departures">The departures.</param>
    /// <param name="attribution">How to split a departure's revenue among several reasons.</param>
    /// <returns>The ranking.</returns>
    public static ReasonRanking RankReasons(IEnumerable<Departure> departures, ReasonAttribution attribution)
    {
        Guard.NotNull(departures);
        Guard.Defined(attribution);
        int reasonCount = ChurnReasons.All.Count;
        var revenue = new decimal[reasonCount];
        var count = new int[reasonCount];
        decimal total = 0m;
        decimal undiagnosedRevenue = 0m;
        int undiagnosed = 0;
        foreach (Departure d in departures)
        {
            if (d is null)
            {
                throw new ArgumentException("A departure is null.", nameof(departures));
            }

            total += d.RevenueLost;
            if (d.Reasons.Count == 0)
            {
                undiagnosed++;
                undiagnosedRevenue += d.RevenueLost;
                continue;
            }

            decimal part = attribution == ReasonAttribution.Full ? d.RevenueLost : d.RevenueLost / d.Reasons.Count;
            foreach (ChurnReason reason in d.Reasons)
            {
                revenue[(int)reason] += part;
                count[(int)reason]++;
            }
        }

        var rows = new List<ReasonRevenue>();
        for (int i = 0; i < reasonCount; i++)
        {
            if (count[i] > 0)
            {
                rows.Add(new ReasonRevenue((ChurnReason)i, count[i], revenue[i], total == 0m ? 0.0 : (double)(revenue[i] / total)));
            }
        }

        rows.Sort((a, b) =>
        {
            int byRevenue = b.RevenueLost.CompareTo(a.RevenueLost);
            if (byRevenue != 0)
            {
                return byRevenue;
            }

            int byCount = b.Departures.CompareTo(a.Departures);
            return byCount != 0 ? byCount : a.Reason.CompareTo(b.Reason);
        });
        return new ReasonRanking(rows, total, undiagnosed, undiagnosedRevenue);
    }

    /// <summary>Step 4 with <see cref="ReasonAttribution.EqualShare"/>.</summary>
    /// <param name="departures">The departures.</param>
    /// <returns>The ranking.</returns>
    public static ReasonRanking RankReasons(IEnumerable<Departure> departures) => RankReasons(departures, ReasonAttribution.EqualShare);

    /// <summary>
    /// Step 2: whom to call first — prospects ordered by priority = value × chance of return, highest first
    /// (ties: higher value first, then customer identifier in ordinal order).
    /// </summary>
    /// <param name="prospects">The departed customers with their value and chance of return.</param>
    /// <returns>The prospects in call order.</returns>
    public static IReadOnlyList<WinBackProspect> Prioritise(IEnumerable<WinBackProspect> prospects)
    {
        Guard.NotNull(prospects);
        var list = new List<WinBackProspect>();
        foreach (WinBackProspect p in prospects)
        {
            list.Add(p ?? throw new ArgumentException("A prospect is null.", nameof(prospects)));
        }

        // A stable sort with a total order: the same input always gives the same call list.
        var keys = new double[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            keys[i] = list[i].Priority;
        }

        var order = new int[list.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            int c = keys[y].CompareTo(keys[x]);
            if (c == 0)
            {
                c = list[y].Value.CompareTo(list[x].Value);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(list[x].CustomerId, list[y].CustomerId);
            }

            return c != 0 ? c : x.CompareTo(y);
        });
        var result = new WinBackProspect[list.Count];
        for (int i = 0; i < order.Length; i++)
        {
            result[i] = list[order[i]];
        }

        return result;
    }

    /// <summary>The programme's figures over its cases: recovery rate, recovered revenue, time to win back.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>The figures.</returns>
    public static WinBackMetrics Metrics(IEnumerable<WinBackCase> cases)
    {
        Guard.NotNull(cases);
        int departed = 0;
        int contacted = 0;
        int wonBack = 0;
        int declined = 0;
        decimal recovered = 0m;
        var days = new List<int>();
        foreach (WinBackCase c in cases)
        {
            if (c is null)
            {
                throw new ArgumentException("A case is null.", nameof(cases));
            }

            departed++;
            if (c.State >= WinBackState.Contacted)
            {
                contacted++;
            }

            if (c.State == WinBackState.Declined)
            {
                declined++;
            }

            if (WinBackStates.IsWonBack(c.State))
            {
                wonBack++;
                recovered += c.Departure.RevenueLost;
                days.Add(c.DaysToWinBack!.Value);
            }
        }

        double? mean = null;
        double? median = null;
        if (days.Count > 0)
        {
            days.Sort();
            long sum = 0;
            foreach (int d in days)
            {
                sum += d;
            }

            mean = (double)sum / days.Count;
            int mid = days.Count / 2;
            median = days.Count % 2 == 1 ? days[mid] : (days[mid - 1] + (double)days[mid]) / 2;
        }

        return new WinBackMetrics(departed, contacted, wonBack, declined, recovered, mean, median);
    }
}
