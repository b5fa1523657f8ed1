using System.Data.Common;

namespace CustomerRetention.Orleans.Hosting;

/// <summary>
/// How a silo's partition grains reach the database of table partitions (<see cref="Aggregation.TablePartition"/>):
/// a delegate that returns a new connection of any ADO.NET provider, registered on the silo by
/// <see cref="CustomerRetentionHosting.AddCustomerRetentionTables"/>. The package references no provider.
/// </summary>
public sealed class TableConnectionFactory
{
    private readonly Func<DbConnection> _create;

    /// <summary>A factory.</summary>
    /// <param name="create">Returns a new connection, open or not, e.g. <c>() =&gt; new NpgsqlConnection(connectionString)</c>; the caller disposes of it.</param>
    public TableConnectionFactory(Func<DbConnection> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = create;
    }

    /// <summary>A new open connection; the caller disposes of it.</summary>
    /// <returns>The connection.</returns>
    /// <exception cref="InvalidOperationException">The delegate returned null.</exception>
    public DbConnection Open()
    {
        DbConnection connection = _create() ?? throw new InvalidOperationException("The table connection factory returned null.");
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
