using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Srdi.Application.Batch;

/// <summary>A file of a completed run, as manifest.json lists it.</summary>
public sealed record ManifestFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);

/// <summary>manifest.json: written last by a completed run, it lists every file of the run with
/// its size and SHA-256. A folder without it (or whose files do not match it) is not a complete run.
/// MachineOutputs names the large files for programs the run was asked for (--with); a manifest
/// of a run from before that choice existed has none, and then its files say what it holds.</summary>
public sealed record BatchManifest(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("roster")] string Roster,
    [property: JsonPropertyName("evaluated")] long Evaluated,
    [property: JsonPropertyName("rejected")] long Rejected,
    [property: JsonPropertyName("files")] IReadOnlyList<ManifestFile> Files,
    [property: JsonPropertyName("machine_outputs")] IReadOnlyList<string>? MachineOutputs = null)
{
    public const string FileName = "manifest.json";
    public const string SchemaName = "srdi.batch-manifest/1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A name the manifest may list: a file directly in the folder, never a path.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\\']) < 0 && name is not "." and not ".." && name != FileName;

    public static void Write(string folder, IReadOnlyList<string> files, BatchReport report)
    {
        var listed = files.Select(name =>
        {
            var path = Path.Combine(folder, name);
            using var stream = File.OpenRead(path);
            return new ManifestFile(name, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }).ToList();
        var manifest = new BatchManifest(SchemaName, report.Options.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Roster,
            report.Statistics.Evaluated, report.Statistics.Rejected, listed,
            FolderBatchOutput.MachineFiles.Where(m => report.Options.MachineOutputs.HasFlag(m.Output)).Select(m => m.File).ToList());
        File.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
    }

    /// <summary>The folder's manifest, or null when it has none or it cannot be read.</summary>
    public static BatchManifest? TryRead(string folder)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BatchManifest>(File.ReadAllBytes(Path.Combine(folder, FileName)), Json);
            return manifest is { Schema: SchemaName, Files: not null } ? manifest : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The manifest of a complete run in the folder, checked against the files' sizes
    /// (and, when asked, their hashes); otherwise a <see cref="BatchOutputException"/> that says why in Chinese.</summary>
    public static BatchManifest ReadComplete(string folder, bool hashes = false)
    {
        if (!Directory.Exists(folder)) throw new BatchOutputException($"找不到文件夹 \"{folder}\"：请给出 srdi batch 的输出文件夹");
        var manifest = TryRead(folder)
            ?? throw new BatchOutputException(FolderBatchOutput.ProductFiles.Any(name => File.Exists(Path.Combine(folder, name)))
                ? $"{folder} 不是一次完整的 srdi batch 输出（没有 {FileName}）：那次运行被中断、失败或仍在进行，请重新运行 srdi batch"
                : $"{folder} 中没有 srdi batch 的输出（{FileName}）：请给出 srdi batch 的输出文件夹");
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Name);
            var info = new FileInfo(path);
            if (!IsPlainName(file.Name) || !info.Exists || info.Length != file.Bytes)
                throw new BatchOutputException($"{folder} 中的 {file.Name} 与 {FileName} 不符（缺失或大小不同）：输出不完整或已被改动，请重新运行 srdi batch");
            if (hashes)
            {
                using var stream = File.OpenRead(path);
                if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), file.Sha256, StringComparison.Ordinal))
                    throw new BatchOutputException($"{folder} 中的 {file.Name} 与 {FileName} 的校验值不符：文件已被改动，请重新运行 srdi batch");
            }
        }
        return manifest;
    }
}

/// <summary>A batch output folder that cannot be used: held by another run, incomplete, or changed.
/// The message is for the user, in Chinese.</summary>
public sealed class BatchOutputException : Exception
{
    public BatchOutputException(string message) : base(message)
    {
    }

    public BatchOutputException(string message, Exception inner) : base(message, inner)
    {
    }

    public BatchOutputException()
    {
    }
}
