using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Srdi.Reports.Tests;

public sealed class PolicyReportExportTests
{
    [Fact]
    public void AddSrdiReports_GivesOneExportOverTheNavigator()
    {
        var export = ReportHost.Services.GetRequiredService<PolicyReportExport>();
        Assert.Same(export, ReportHost.Services.GetRequiredService<PolicyReportExport>());
        Assert.NotNull(ReportHost.Services.GetRequiredService<PolicyReportBuilder>());
    }

    [Fact]
    public void FileNames_NameTheEnterpriseAndTheDate()
    {
        var made = ReportHost.Make("nanshan-little-giant.json", new DateOnly(2025, 6, 1));
        Assert.Equal("政策体检报告-深圳市南山某精密传感科技有限公司-2025-06-01.pdf", PolicyReportExport.PdfFileName(made.Report));
        Assert.Equal("政策体检报告-深圳市南山某精密传感科技有限公司-2025-06-01.xlsx", PolicyReportExport.ExcelFileName(made.Report));
    }

    [Theory]
    [InlineData("某/某\\科技:有限*公司?", "某_某_科技_有限_公司_")]
    [InlineData("<甲>|\"乙\"", "_甲___乙_")]
    [InlineData("  ..  ", "91440300MA5NSLG001")]
    public void FileNames_ReplaceWhatAPathCannotHold(string name, string expected)
    {
        var profile = ReportHost.Example("nanshan-little-giant.json");
        var made = ReportHost.Make(profile with { Name = name }, new DateOnly(2025, 6, 1));
        var file = PolicyReportExport.PdfFileName(made.Report);
        Assert.Equal($"政策体检报告-{expected}-2025-06-01.pdf", file);
        Assert.Equal(file, Path.GetFileName(file));
        Assert.DoesNotContain(file, c => Path.GetInvalidFileNameChars().Contains(c));
    }

    [Fact]
    public void Report_IsStampedWithTheClock()
    {
        var made = ReportHost.Make("nanshan-little-giant.json", new DateOnly(2025, 6, 1));
        Assert.True((DateTimeOffset.Now - made.Report.GeneratedAt).Duration() < TimeSpan.FromMinutes(5));
    }
}
