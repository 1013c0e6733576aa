using Srdi.Cli;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

/// <summary>Issue 9: what reaches a terminal carries no control characters or escape sequences,
/// and a very long value is shortened.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[31m红色\u001b[0m", "红色")]
    [InlineData("标题\u001b]0;pwned\u0007后", "标题后")]
    [InlineData("a\u001b]8;;http://x\u001b\\b", "ab")]
    [InlineData("x\u009b2Jy", "xy")]
    [InlineData("响\u0007铃\u0000\u007f\u0085", "响铃")]
    [InlineData("行一\n行二\t列", "行一 行二 列")]
    [InlineData("\u202e反转", "反转")]
    public void Clean_StripsControlsAndEscapes(string raw, string expected) =>
        Assert.Equal(expected, TerminalText.Clean(raw));

    [Fact]
    public void Clean_ShortensVeryLongValues()
    {
        var cleaned = TerminalText.Clean(new string('长', 500));
        Assert.Equal(TerminalText.MaxLength + 1, cleaned.Length);
        Assert.EndsWith("…", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateOutput_HasNoEscapes_AndTheNameIsShortened()
    {
        var name = "\u001b[2J\u001b[31m恶意公司\u001b]0;title\u0007" + new string('名', 150);
        var profile = TempProfile($$"""
            { "id": "91440300MA5XESC001", "name": "{{name.Replace("\u001b", "\\u001b", StringComparison.Ordinal).Replace("\u0007", "\\u0007", StringComparison.Ordinal)}}",
              "area": { "province": "广东省", "city": "深圳市", "district": "南山区" }, "certificates": [], "facts": {} }
            """);
        var (exit, output, error) = Run("evaluate", profile, "--at", "2025-06-01");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.Contains("企业：恶意公司名", output, StringComparison.Ordinal);
        Assert.Contains("…（91440300MA5XESC001）", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorMessages_EchoNoEscapes()
    {
        var (exit, _, error) = Run("policies", "show", "\u001b[31mnot-a-measure");
        Assert.Equal(SrdiCommandLine.BadInput, exit);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("没有措施“not-a-measure”", error, StringComparison.Ordinal);
    }
}
