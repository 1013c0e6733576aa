namespace Srdi.Storage.Database;

/// <summary>The database that holds the records (configuration <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary><c>sqlite</c>: a file, <c>srdi.db</c> in the data folder unless a connection string says otherwise.</summary>
    Sqlite,

    /// <summary><c>postgres</c>: a PostgreSQL server named by <c>ConnectionStrings:Srdi</c>.</summary>
    Postgres,
}
