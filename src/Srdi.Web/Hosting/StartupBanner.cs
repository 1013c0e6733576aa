using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Srdi.Storage.Accounts;
using Srdi.Web.Accounts;

namespace Srdi.Web.Hosting;

/// <summary>What a person who just started the platform needs: where to open it, and a sign-in
/// for each role (the demo passwords are new at every start).</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Services.GetRequiredService<DemoAccounts>().Accounts;
            var lines = new List<string> { "", "专精特新政策导航已启动，在浏览器中打开：" };
            lines.AddRange(addresses.Select(a => "  " + a));
            if (demo.Count > 0)
            {
                lines.Add("演示账户（密码在每次启动时重新生成）：");
                lines.AddRange(demo.Select(d => $"  {Roles.Chinese(d.Role).PadRight(4, '　')}  登录名 {d.UserName,-8} 密码 {d.Password}"));
            }
            lines.Add("API 文档：/scalar　按 Ctrl+C 停止。");
            Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}
