using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Srdi.Storage.Tests;

/// <summary>Fails a write after the database has run the command that <paramref name="matches"/>
/// picks: the crash between two inserts that a transaction must undo.</summary>
internal sealed class FailingCommands(Func<string, bool> matches) : DbCommandInterceptor
{
    public int Failures { get; private set; }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Fail(command) ? throw Injected() : result;

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        Fail(command) ? throw Injected() : ValueTask.FromResult(result);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Fail(command) ? throw Injected() : result;

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        Fail(command) ? throw Injected() : ValueTask.FromResult(result);

    private bool Fail(DbCommand command)
    {
        if (!matches(command.CommandText)) return false;
        Failures++;
        return true;
    }

    private static InvalidOperationException Injected() => new("injected failure");
}
