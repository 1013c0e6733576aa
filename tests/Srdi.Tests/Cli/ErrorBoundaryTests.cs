using Srdi.Cli;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

/// <summary>Issue 9: ordinary mistakes exit 2 with one Chinese sentence naming the option, file or
/// folder; parser messages are translated; anything unexpected names a log, never a stack trace.</summary>
public sealed class ErrorBoundaryTests
{
    private static void AssertOneChineseSentence(int exit, string error, string expected)
    {
        Assert.Equal(SrdiCommandLine.BadInput, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"srdi-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void ParseError_NamesTheOptionAndTheExpectedValue_InChinese()
    {
        var (exit, _, error) = Run("batch", "roster.csv", "--out", TempFolder(), "--workers", "abc");
        AssertOneChineseSentence(exit, error, "选项 --workers 的值“abc”无效：应为整数");
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot parse", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "frob" }, "无法识别的命令或参数“frob”")]
    [InlineData(new[] { "evaluate" }, "命令 evaluate 缺少参数 <profile>")]
    [InlineData(new[] { "batch", "x.csv" }, "缺少必填选项 --out")]
    [InlineData(new[] { "evaluate", "p.json", "--at" }, "选项 --at 后面缺少值")]
    public void OtherParseErrors_AreChinese(string[] args, string expected)
    {
        var (exit, _, error) = Run(args);
        AssertOneChineseSentence(exit, error, expected);
    }

    [Fact]
    public void OutNamingAFile_WhereAFolderIsWanted()
    {
        var file = Path.Combine(TempFolder(), "a.txt");
        File.WriteAllText(file, "x");
        var (exit, _, error) = Run("roster", "template", "--out", file);
        AssertOneChineseSentence(exit, error, $"--out 应为文件夹，但“{file}”是一个文件");
    }

    [Fact]
    public void OutWithAMissingParent()
    {
        var missing = Path.Combine(TempFolder(), "missing", "deeper");
        var (exit, _, error) = Run("roster", "template", "--out", missing);
        AssertOneChineseSentence(exit, error, "--out 所在的文件夹");
        Assert.Contains("不存在", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void DiffOutNamingAFolder()
    {
        var folder = TempFolder();
        var (exit, _, error) = Run("batch", "diff", folder, folder, "--out", folder);
        AssertOneChineseSentence(exit, error, $"--out 应为文件，但“{folder}”是一个文件夹");
    }

    [Fact]
    public void DiffOutWithAMissingParent_WritesNothing()
    {
        var folder = TempFolder();
        var target = Path.Combine(folder, "missing", "diff.csv");
        var (exit, _, error) = Run("batch", "diff", folder, folder, "--out", target);
        AssertOneChineseSentence(exit, error, "不存在");
        Assert.False(File.Exists(target));
    }

    /// <summary>A folder made read-only refuses a normal user; root writes anyway, so there the
    /// test uses /sys, which the kernel keeps unwritable even for root. Where neither can be made
    /// to fail (root on a system without a read-only /sys), there is nothing to check.</summary>
    [Fact]
    public void OutIntoAReadOnlyFolder()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = TempFolder();
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (CanWrite(folder))
            {
                folder = "/sys";
                if (!Directory.Exists(folder) || CanWrite(folder)) return;
            }
            var (exit, _, error) = Run("roster", "template", "--out", folder);
            AssertOneChineseSentence(exit, error, $"--out：无法写入文件夹“{folder}”");
        }
        finally
        {
            if (folder != "/sys") File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            using (File.Create(Path.Combine(folder, $".probe-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    [Fact]
    public void MissingProfile_IsOneChineseSentence()
    {
        var missing = Path.Combine(TempFolder(), "nope.json");
        var (exit, _, error) = Run("evaluate", missing);
        AssertOneChineseSentence(exit, error, $"找不到企业档案文件“{missing}”");
        Assert.DoesNotContain("Could not find", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCatalog_NamesWhereItWasLookedForAndTheSettings()
    {
        var missing = Path.Combine(TempFolder(), "no-catalog");
        var (exit, _, error) = Run("--catalog", missing, "policies", "list");
        AssertOneChineseSentence(exit, error, $"找不到政策目录“{missing}”（由 --catalog 指定）");
        Assert.Contains("SRDI_CATALOG", error, StringComparison.Ordinal);
        Assert.Contains("Srdi__Catalog", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnexpectedError_PrintsAShortMessageAndTheLogPath_NeverTheStackTrace()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("boom from deep inside");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }
        var error = new StringWriter();
        var exit = SrdiCommandLine.Fail(thrown, ["evaluate", "x.json"], error);
        Assert.Equal(SrdiCommandLine.Unexpected, exit);
        var text = error.ToString();
        Assert.Contains("程序内部出错", text, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var log = text.Split("详细信息已写入 ")[1].Split('，')[0];
        Assert.StartsWith(SrdiCommandLine.LogFolder, log, StringComparison.Ordinal);
        var details = File.ReadAllText(log);
        Assert.Contains("boom from deep inside", details, StringComparison.Ordinal);
        Assert.Contains(nameof(UnexpectedError_PrintsAShortMessageAndTheLogPath_NeverTheStackTrace), details, StringComparison.Ordinal);
        File.Delete(log);
    }

    [Fact]
    public void IoFailures_AreExpected_AndNameThePath()
    {
        Assert.Equal("没有权限读写“/x/y.csv”", SrdiCommandLine.Expected(new UnauthorizedAccessException("Access to the path '/x/y.csv' is denied.")));
        Assert.Equal("找不到文件夹：“/x/y”不存在", SrdiCommandLine.Expected(new DirectoryNotFoundException("Could not find a part of the path '/x/y'.")));
        Assert.Null(SrdiCommandLine.Expected(new InvalidOperationException("bug")));
    }

    [Fact]
    public void ABrokenWorkbook_IsOneChineseSentence_WithoutTheLibrarysEnglish()
    {
        var folder = Directory.CreateTempSubdirectory("srdi-broken-xlsx-").FullName;
        try
        {
            var path = Path.Combine(folder, "名单.xlsx");
            File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
            var (exit, _, error) = CliRun.Run("batch", path, "--at", "2025-06-01", "--out", Path.Combine(folder, "out"));
            Assert.Equal(2, exit);
            Assert.Contains("无法读取 Excel 名单", error, StringComparison.Ordinal);
            Assert.DoesNotMatch("[A-Za-z]{4,} [A-Za-z]{3,} [A-Za-z]{3,}", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
