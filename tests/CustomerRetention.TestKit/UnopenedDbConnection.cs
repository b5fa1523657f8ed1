using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace CustomerRetention.TestKit;

/// <summary>
/// A non-null <see cref="DbConnection"/> for the public-surface null checks only (<see cref="SampleValues"/>):
/// it cannot open or run anything, so a member that got past its argument checks fails loudly. The
/// integration tests use real engines.
/// </summary>
[SuppressMessage("Design", "CA1065:Do not raise exceptions in unexpected locations", Justification = "It must never be used beyond the null checks.")]
internal sealed class UnopenedDbConnection : DbConnection
{
    [AllowNull]
    public override string ConnectionString { get => string.Empty; set => throw Unusable(); }

    public override string Database => string.Empty;

    public override string DataSource => string.Empty;

    public override string ServerVersion => string.Empty;

    public override ConnectionState State => ConnectionState.Closed;

    public override void ChangeDatabase(string databaseName) => throw Unusable();

    public override void Close()
    {
    }

    public override void Open() => throw Unusable();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw Unusable();

    protected override DbCommand CreateDbCommand() => throw Unusable();

    private static NotSupportedException Unusable() => new("A sample connection for argument checks; it cannot be used.");
}
