using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Srdi.Catalog.Loading;

/// <summary>Which documents compiled without error, kept in the catalog's <c>.cache</c> folder
/// beside the parsed documents: the keys of their <see cref="DocumentCache"/> entries (a SHA-256
/// of each document's file, folder, path and term codes), under a stamp of everything else their
/// compile depends on: every file of the vocabulary, the build of the loader and the model (which
/// make the document out of its file) and the build of the compiler. Whether a document compiles is
/// a function of exactly these, so a document recorded here under the current stamp cannot fail to
/// compile, and its compile may wait until an enterprise of its area needs it.</summary>
/// <remarks>A file of its own rather than a flag on each parsed document: recording the documents
/// of a first load that compiled then writes a few kilobytes, not the 56 MB of a national
/// catalog's parsed documents a second time. The two files need not agree: a key names the
/// document's content, not a place in the other file.</remarks>
internal static class CompileRecord
{
    public const string FileName = "compiled.bin";

    private static readonly byte[] Magic = "SRDICMP1"u8.ToArray();

    public static string PathIn(string root) => Path.Combine(root, DocumentCache.FolderName, FileName);

    /// <summary>The stamp of the catalog at <paramref name="root"/> for the compiler of build
    /// <paramref name="compilerBuild"/>, or null when the vocabulary cannot be read (the load then
    /// reports why). Every file under vocabulary/ counts, read or not by this build: one more file
    /// costs a compile of every document once, one forgotten could hide an error.</summary>
    public static byte[]? Stamp(string root, Guid compilerBuild)
    {
        try
        {
            var vocabulary = Path.Combine(root, "vocabulary");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(DocumentCache.Build);
            hash.AppendData(compilerBuild.ToByteArray());
            Span<byte> length = stackalloc byte[8];
            foreach (var path in Directory.GetFiles(vocabulary, "*", SearchOption.AllDirectories)
                .Select(p => (Path: p, Name: Path.GetRelativePath(vocabulary, p).Replace('\\', '/')))
                .OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(path.Path);
                hash.AppendData(Encoding.UTF8.GetBytes(path.Name + "\0"));
                BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
                hash.AppendData(length);
                hash.AppendData(bytes);
            }
            return hash.GetHashAndReset();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The keys recorded under <paramref name="stamp"/>: none when there is no record, when
    /// it was written under another stamp, or when it is damaged. Each of those only costs compiling
    /// the documents now, as without a record.</summary>
    public static HashSet<string> Read(string root, byte[] stamp)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var path = PathIn(root);
            if (!File.Exists(path)) return keys;
            var bytes = File.ReadAllBytes(path).AsSpan();
            if (!CacheFile.TryBody(bytes, out var end)) return keys;
            var header = Magic.Length + stamp.Length + 4;
            if (end < header || !bytes[..Magic.Length].SequenceEqual(Magic) || !bytes[Magic.Length..(Magic.Length + stamp.Length)].SequenceEqual(stamp))
                return keys;
            var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[(header - 4)..header]);
            if (count < 0 || (long)count * 32 != end - header) return keys;
            for (var at = header; at < end; at += 32) keys.Add(Convert.ToHexString(bytes.Slice(at, 32)));
            return keys;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            keys.Clear();
            return keys;
        }
    }

    /// <summary>Replaces the record with exactly <paramref name="keys"/> under <paramref name="stamp"/>
    /// (the documents loaded now, so removed ones leave it), unless <paramref name="recorded"/>, what
    /// the record held, is exactly them.</summary>
    public static void Write(string root, byte[] stamp, IReadOnlyCollection<string> keys, IReadOnlySet<string> recorded)
    {
        if (keys.Count == recorded.Count && keys.All(recorded.Contains)) return;
        CacheFile.Replace(PathIn(root), stream =>
        {
            stream.Write(Magic);
            stream.Write(stamp);
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(number, keys.Count);
            stream.Write(number);
            foreach (var key in keys) stream.Write(Convert.FromHexString(key));
        });
    }
}
