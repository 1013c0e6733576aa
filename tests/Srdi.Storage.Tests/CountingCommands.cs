using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Srdi.Storage.Tests;

/// <summary>Counts the commands that write (INSERT, UPDATE, DELETE), wherever they appear in the batch.</summary>
internal sealed class CountingCommands : DbCommandInterceptor
{
    private int writes;

    public int Writes => writes;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        var sql = command.CommandText;
        if (sql.Contains("INSERT ", StringComparison.OrdinalIgnoreCase) || sql.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase)
            || sql.Contains("DELETE ", StringComparison.OrdinalIgnoreCase))
            Interlocked.Increment(ref writes);
    }
}
