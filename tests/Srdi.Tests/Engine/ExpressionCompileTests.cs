using Srdi.Model.Sources;
using Xunit;
using static Srdi.Tests.Engine.TestCatalog;

namespace Srdi.Tests.Engine;

/// <summary>A rule that cannot compile is refused at load time with where and why.</summary>
public sealed class ExpressionCompileTests
{
    private static string Error(string condition) =>
        Assert.Throws<CatalogException>(() => Compile(Measure("1", [Part("100万")], conditions: [condition]))).Message;

    [Theory]
    [InlineData("rnt > 0", "第 1 个字符处：未知的事实 \"rnt\"")]
    [InlineData("projects > 1", "按年度填写，请写 projects@last_year")]
    [InlineData("rent@last_year > 1", "不按年度填写")]
    [InlineData("rent > ", "表达式不完整")]
    [InlineData("rent + 1", "条件应为真假判断")]
    [InlineData("sector > \"工业\"", "只能用 == 或 != 比较")]
    [InlineData("rent == \"工业\"", "不能比较数值与文字")]
    [InlineData("holds(\"巨人\")", "既不是本文件 terms 中定义的名称")]
    [InlineData("holds(\"srdi-sme@national\")", "的级别无效")]
    [InlineData("avg(rent) > 1", "未知的函数 avg")]
    [InlineData("item.amount > 1", "item 只能用在")]
    [InlineData("sum(grants, item.amout) > 1", "列表项没有字段 \"amout\"")]
    [InlineData("$lpr > 0", "未知的参数 $lpr")]
    [InlineData("projects@1850 > 0", "应为 last_year、this_year、-N（N 年前）或四位年份")]
    [InlineData("projects@-99 > 0", "应为 last_year、this_year、-N（N 年前）或四位年份")]
    public void BadRule_IsRefusedWithItsReason(string rule, string expected) =>
        Assert.Contains(expected, Error(rule), StringComparison.Ordinal);

    [Fact]
    public void WrittenMoney_IsReadAsTheClausePrintsIt()
    {
        var catalog = Compile(Measure("1", [Part("1.5万 + 2亿 + 500元")]));
        Assert.Equal(200_015_500m, catalog.Evaluate(Enterprise(), At).Measures[0].Exact);
    }

    [Fact]
    public void RatesAndPermille_AreFractions()
    {
        var catalog = Compile(Measure("1", [Part("rent * min(1, 7‰ / 1%) * 40%")]));
        var facts = new Dictionary<string, Srdi.Model.Profiles.FactValue> { ["rent"] = new Srdi.Model.Profiles.ScalarFact(1_000_000m) };
        Assert.Equal(280_000m, catalog.Evaluate(Enterprise(facts), At).Measures[0].Exact);
    }
}
