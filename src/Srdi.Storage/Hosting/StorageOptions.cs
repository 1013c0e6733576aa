namespace Srdi.Storage.Hosting;

/// <summary>Settings of the enterprise records, bound from the section <see cref="Section"/>
/// (appsettings "Storage": { "Provider": "postgres" }, or Storage__Provider). The connection
/// string is <c>ConnectionStrings:Srdi</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "Srdi";
    public const string SqliteFileName = "srdi.db";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Where the SQLite file <c>srdi.db</c> goes when no connection string is set.
    /// Empty: the user's local application data, <c>srdi-navigator/</c>.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Apply pending migrations when the host starts (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>After migrating, copy the loaded catalog's measures into the policy search's
    /// tables if the catalog differs from the one copied last (default true).</summary>
    public bool RefreshPolicySearchOnStart { get; set; } = true;

    /// <summary>After migrating, load the example enterprises into an empty database (default false).</summary>
    public bool SeedExamples { get; set; }
}
