namespace Srdi.Cli;

/// <summary>Checks an --out before a command starts writing: the ordinary mistakes (a file where a
/// folder is wanted and the reverse, a parent folder that does not exist, a folder that cannot
/// be written) become one Chinese sentence naming the option and the path, not an I/O stack trace
/// halfway through a run.</summary>
internal static class OutputPaths
{
    /// <summary>An output folder: it may not exist yet, but its parent must, and it must be writable.</summary>
    public static void CheckFolder(string option, string path)
    {
        var shown = TerminalText.Clean(path);
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} 不能为空");
        if (File.Exists(path)) throw new UsageException($"{option} 应为文件夹，但“{shown}”是一个文件");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            Writable(option, full, shown);
            return;
        }
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full));
        if (parent is null || !Directory.Exists(parent))
            throw new UsageException($"{option} 所在的文件夹“{TerminalText.Clean(parent ?? full)}”不存在，请先创建它或换一个位置");
        Writable(option, parent, TerminalText.Clean(parent));
    }

    /// <summary>An output file: not a folder, in a folder that exists and can be written.</summary>
    public static void CheckFile(string option, string path)
    {
        var shown = TerminalText.Clean(path);
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} 不能为空");
        if (Directory.Exists(path)) throw new UsageException($"{option} 应为文件，但“{shown}”是一个文件夹；请写出文件名，如 {TerminalText.Clean(Path.Combine(path, "diff.csv"))}");
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
            throw new UsageException($"{option} 所在的文件夹“{TerminalText.Clean(parent ?? full)}”不存在，请先创建它或换一个位置");
        Writable(option, parent, TerminalText.Clean(parent));
        if (File.Exists(full) && new FileInfo(full).IsReadOnly)
            throw new UsageException($"{option} 指向的文件“{shown}”是只读的，无法覆盖");
    }

    /// <summary>An input file the command reads (a profile, a roster): it must exist and be a file.</summary>
    public static void CheckInput(string what, string path)
    {
        var shown = TerminalText.Clean(path);
        if (Directory.Exists(path)) throw new UsageException($"{what}应为文件，但“{shown}”是一个文件夹");
        if (!File.Exists(path)) throw new UsageException($"找不到{what}“{shown}”");
    }

    /// <summary>Writes and deletes a probe file: permissions, read-only mounts and ACLs all answer.</summary>
    private static void Writable(string option, string folder, string shown)
    {
        try
        {
            var probe = Path.Combine(folder, $".srdi-write-test-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"{option}：无法写入文件夹“{shown}”（没有写入权限或磁盘只读）");
        }
    }
}
