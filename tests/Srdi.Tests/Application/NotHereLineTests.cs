using System.Globalization;
using Srdi.Application.Evaluation;
using Xunit;

namespace Srdi.Tests.Application;

/// <summary>With a national catalog an enterprise lies outside thousands of documents: the line
/// that says so names a few and counts the rest, on every front end (CLI, page, PDF, Excel).</summary>
public sealed class NotHereLineTests
{
    private static List<string> Titles(int n) => Enumerable.Range(1, n).Select(i => string.Create(CultureInfo.InvariantCulture, $"文件{i}")).ToList();

    [Fact]
    public void AFewDocuments_AreAllNamed()
    {
        var line = ChineseText.NotHere(Titles(10));
        Assert.EndsWith("文件9、文件10", line, StringComparison.Ordinal);
        Assert.DoesNotContain("等", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ANationalCatalog_NamesTenAndCountsTheRest()
    {
        var line = ChineseText.NotHere(Titles(1400));
        Assert.Contains("文件10等 1400 个文件", line, StringComparison.Ordinal);
        Assert.DoesNotContain("文件11", line, StringComparison.Ordinal);
    }
}
