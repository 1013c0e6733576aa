using Xunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Srdi.Web.BrowserTests;

/// <summary>The web host on a free loopback port (real Kestrel) over the repository's catalog,
/// and Debian's Chromium driven by Playwright; shared by every test of the collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Chromium's flags on a machine with no network beyond loopback (docs: dependencies).</summary>
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly SrdiPagesFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The demo sign-ins the host printed at start (one per role).</summary>
    public IReadOnlyList<Srdi.Web.Accounts.DemoAccount> Demo => _factory.Services.GetRequiredService<Srdi.Web.Accounts.DemoAccounts>().Accounts;

    /// <summary>A fresh browser context (its own cookies) at a width and height, in Chinese, and a page in it.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        // CI runs every test assembly at once on two cores: a sign-in once took over Playwright's
        // 30 s default to redirect while the others ran. A page that never comes still fails.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/NAME.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public Srdi.Web.Accounts.DemoAccount DemoOf(string role) => Demo.Single(d => d.Role == role);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where the screenshots go: TestResults/screenshots beside this project (gitignored).</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot, "tests", "Srdi.Web.BrowserTests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Srdi.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Srdi.slnx）");
    }

    /// <summary>The host as it runs, over the repository's catalog, listening on a port the system
    /// picks (never the configured 5080).</summary>
    private sealed class SrdiPagesFactory : WebApplicationFactory<Program>
    {
        // The host's enterprise records go to a throwaway SQLite folder, never the user's own.
        private readonly string _data = Directory.CreateTempSubdirectory("srdi-browser-data-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Srdi:Catalog", Path.Combine(RepositoryRoot, "catalog"));
            builder.UseSetting("Storage:DataFolder", _data);
            builder.UseSetting("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (!disposing) return;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
