using System.Runtime.ExceptionServices;

namespace CustomerRetention;

/// <summary>Runs a body once per worker, on the pool when there is more than one, and rethrows a worker's exception as itself (not wrapped in an <see cref="AggregateException"/>).</summary>
internal static class ParallelWork
{
    /// <summary>The number of workers for a large job: one per core, at most <paramref name="max"/>.</summary>
    public static int Workers(int max) => Math.Max(1, Math.Min(Environment.ProcessorCount, max));

    public static void Run(int workers, Action<int> body)
    {
        if (workers == 1)
        {
            body(0);
            return;
        }

        try
        {
            Parallel.For(0, workers, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Waits for <paramref name="task"/>, rethrowing its exception as itself.</summary>
    public static void Wait(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>The start of worker <paramref name="worker"/>'s share of <paramref name="count"/> items.</summary>
    public static int Start(int count, int worker, int workers) => (int)((long)count * worker / workers);
}
