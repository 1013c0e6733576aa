using Microsoft.Data.Sqlite;
using Srdi.Storage.Database;

namespace Srdi.Storage.Hosting;

/// <summary>Turns the settings into a provider and a connection string, with a Chinese message
/// for a setting that cannot work.</summary>
public static class StorageConfiguration
{
    public static StorageProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value, "sqlite", StringComparison.OrdinalIgnoreCase)) return StorageProvider.Sqlite;
        if (string.Equals(value, "postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "postgresql", StringComparison.OrdinalIgnoreCase))
            return StorageProvider.Postgres;
        throw new InvalidOperationException($"配置 Storage:Provider 应为 sqlite 或 postgres，实际为“{value}”");
    }

    /// <summary>The connection string: the configured one, else (SQLite only) the file
    /// <c>srdi.db</c> in the data folder, which is created.</summary>
    public static string ConnectionString(StorageProvider provider, string? configured, string? dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider == StorageProvider.Postgres)
            throw new InvalidOperationException("使用 PostgreSQL（Storage:Provider = postgres）时必须设置连接字符串 ConnectionStrings:Srdi");
        var folder = string.IsNullOrWhiteSpace(dataFolder) ? DefaultDataFolder() : Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, StorageOptions.SqliteFileName) }.ToString();
    }

    private static string DefaultDataFolder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(local) ? Path.Combine(AppContext.BaseDirectory, "data") : Path.Combine(local, "srdi-navigator");
    }
}
