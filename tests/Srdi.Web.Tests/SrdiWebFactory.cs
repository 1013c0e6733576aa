using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Srdi.Web.Tests;

/// <summary>The web host as it runs, over the repository's catalog (the one authors edit, found
/// by walking up to Srdi.slnx) and a clock fixed at <see cref="Today"/>.</summary>
public class SrdiWebFactory : WebApplicationFactory<Program>
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Example(string name) => Path.Combine(RepositoryRoot, "examples", name);

    protected virtual TimeProvider Clock => new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Srdi:Catalog", Path.Combine(RepositoryRoot, "catalog"));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Clock)));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Srdi.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Srdi.slnx）");
    }
}

/// <summary>A clock that always reads the same instant, in UTC.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A clock that fails when read: the host must answer 500 problem+json without the
/// exception's message or stack trace.</summary>
public sealed class BrokenClockFactory : SrdiWebFactory
{
    protected override TimeProvider Clock => new BrokenClock();

    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("secret internal failure");
    }
}
