using System.Buffers;
using System.Text;
using Srdi.Model.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Yaml;

/// <summary>Reads one YAML file into its node tree, keeping line numbers for every error.</summary>
internal static class YamlFile
{
    public static YamlMap LoadMap(string path, string displayPath)
    {
        var (bytes, length) = RentBytes(path, displayPath);
        try
        {
            return ParseMap(Decode(bytes, length), displayPath);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The file's bytes in a buffer rented from the shared pool (give it back with
    /// <see cref="ArrayPool{T}.Return"/>) and how many there are. A national catalog's loader reads
    /// 70 MB of YAML only to hash it when its documents come from the cache; a buffer per file was
    /// as much memory to allocate, clear and collect.</summary>
    public static (byte[] Buffer, int Length) RentBytes(string path, string displayPath)
    {
        byte[]? buffer = null;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            // One byte more than the file's length, so that a file that grows while read is read whole.
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, file.Length + 1));
            var length = 0;
            int read;
            while ((read = file.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length < buffer.Length) continue;
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            return (buffer, length);
        }
        catch (IOException e)
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            throw new CatalogException(new SourceLocation(displayPath, 0, 0), $"无法读取文件：{e.Message}");
        }
    }

    /// <summary>The file's text as File.ReadAllText reads it: UTF-8 unless a byte order mark says otherwise.</summary>
    public static string Decode(byte[] bytes, int length)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static YamlMap ParseMap(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new CatalogException(new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column),
                $"YAML 语法错误：{(e.InnerException ?? e).Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new CatalogException(new SourceLocation(displayPath, 1, 1), "文件应为一个 YAML 映射（键: 值）");
        return new YamlMap(root, displayPath);
    }
}
