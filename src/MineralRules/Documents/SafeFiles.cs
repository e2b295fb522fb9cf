using System.Runtime.InteropServices;
using System.Text;
using MineralRules.Diagnostics;

namespace MineralRules.Documents;

/// <summary>
/// How application and rule files are found and opened — one policy for both sides:
/// <list type="bullet">
/// <item>Only regular files are read (a symbolic link to one is followed). A FIFO, device or socket is reported
/// (<c>MR1012</c>, "not a regular file") and never opened, so it can neither block nor stream forever.</item>
/// <item>A file larger than the cap (<see cref="MineralRulesOptions.DefaultMaxFileSize"/> unless given) is reported
/// without being read; the read itself is bounded too, so a file growing while read stops at the cap.</item>
/// <item>A folder walk never follows a symbolic link to a folder: each is reported once (<c>MR1012</c>), so a link
/// loop can neither repeat files nor explode. The folder named by the caller is followed even when it is a link.</item>
/// <item>A folder that cannot be listed is reported (<c>MR1012</c>, "cannot read the folder"); the rest is walked.</item>
/// </list>
/// Nothing here throws for an input or file-system reason: every problem is a diagnostic located at its path.
/// </summary>
internal static class SafeFiles
{
    /// <summary>Test seam: folders whose listing fails as if unreadable (chmod 000 does not stop root).</summary>
    private static readonly AsyncLocal<Func<string, bool>?> SimulatedUnreadable = new();

    /// <summary>Reads a file's text (UTF-8, or as its byte-order mark says), refusing special and oversized files.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest size read.</param>
    /// <param name="text">The text, or empty when the file was refused.</param>
    /// <param name="error">Why the file was refused: a code and a reason to follow "cannot read the file: " (and its Chinese, to follow "无法读取文件："); or null.</param>
    /// <returns>True when the file was read.</returns>
    public static bool TryReadText(string path, long maxBytes, out string text, out (string Code, string Message, string MessageZh)? error)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        maxBytes = Math.Min(maxBytes, Array.MaxLength - 1L);
        text = string.Empty;
        error = null;
        try
        {
            switch (KindOf(path))
            {
                case FileKind.Missing:
                    error = (DiagnosticCodes.FileNotFound, "it does not exist (or is a link to nothing).", "文件不存在（或是指向不存在目标的链接）。");
                    return false;
                case FileKind.Directory:
                    error = (DiagnosticCodes.Unreadable, "it is a folder.", "这是一个文件夹。");
                    return false;
                case FileKind.Special:
                    error = (DiagnosticCodes.Unreadable, "not a regular file (a FIFO, device or socket); it was not opened.", "不是普通文件（而是 FIFO、设备或套接字），未予打开。");
                    return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                error = (DiagnosticCodes.Unreadable, TooLarge(maxBytes), TooLargeZh(maxBytes));
                return false;
            }

            // Bounded: never more than the cap plus one byte, whatever the file does while it is read.
            var buffer = new byte[(int)Math.Min(maxBytes + 1, stream.CanSeek ? Math.Max(stream.Length + 1, 4096L) : 64 * 1024L)];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        error = (DiagnosticCodes.Unreadable, TooLarge(maxBytes), TooLargeZh(maxBytes));
                        return false;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > maxBytes)
            {
                error = (DiagnosticCodes.Unreadable, TooLarge(maxBytes), TooLargeZh(maxBytes));
                return false;
            }

            // As File.ReadAllText: UTF-8 unless a byte-order mark says otherwise.
            using var reader = new StreamReader(new MemoryStream(buffer, 0, total, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = e is FileNotFoundException or DirectoryNotFoundException ? DiagnosticCodes.FileNotFound : DiagnosticCodes.Unreadable;
            error = (code, e.Message, $"系统报告：{e.Message}");
            return false;
        }
    }

    private static string TooLarge(long maxBytes) =>
        $"larger than {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes; it was not read.";

    private static string TooLargeZh(long maxBytes) =>
        $"文件大于 {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} 字节，未予读取。";

    /// <summary>
    /// Every file below a folder that <paramref name="include"/> accepts, in ordinal path order, with paths built
    /// from <paramref name="folder"/> as given; and every problem met on the way (folders that cannot be listed,
    /// links to folders, which are not followed). Never throws for a file-system reason.
    /// </summary>
    /// <param name="folder">The folder to walk (followed even when it is itself a link).</param>
    /// <param name="include">Whether a file (by path) is wanted.</param>
    /// <param name="skipFolder">Whether a folder (by name) is left out without a word, e.g. <c>bin</c>; null for none.</param>
    /// <returns>The files and the problems.</returns>
    public static (List<string> Files, List<Diagnostic> Problems) Walk(string folder, Func<string, bool> include, Func<string, bool>? skipFolder = null)
    {
        var files = new List<string>();
        var problems = new List<Diagnostic>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                if (SimulatedUnreadable.Value is { } unreadable && unreadable(current))
                {
                    throw new UnauthorizedAccessException($"Access to the path '{current}' is denied.");
                }

                // Listed whole here, so that an error while listing is caught here and nowhere else.
                entries = new DirectoryInfo(current).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(new Diagnostic(SourceLocation.File(current), DiagnosticCodes.Unreadable, $"Cannot read the folder: {e.Message}") { MessageZh = $"无法读取该文件夹：{e.Message}" });
                continue;
            }

            foreach (var entry in entries)
            {
                var path = Path.Combine(current, entry.Name);
                try
                {
                    // Attributes are -1 when the entry cannot be looked at (e.g. its path is too long): then what the
                    // listing said it is decides, and listing or reading it reports the problem.
                    var attributes = entry.Attributes;
                    var isLink = (int)attributes != -1 && attributes.HasFlag(FileAttributes.ReparsePoint);
                    if (entry is DirectoryInfo && !isLink)
                    {
                        if (skipFolder is null || !skipFolder(entry.Name))
                        {
                            pending.Push(path);
                        }
                    }
                    else if (isLink && Directory.Exists(path))
                    {
                        // A link to a folder: not followed, so a loop cannot repeat or multiply files; said once, here.
                        if (skipFolder is null || !skipFolder(entry.Name))
                        {
                            problems.Add(new Diagnostic(SourceLocation.File(path), DiagnosticCodes.Unreadable, $"Not read: a symbolic link to a folder ({entry.LinkTarget}); links to folders are not followed (a link loop would repeat every file).") { MessageZh = $"未读取：这是指向文件夹的符号链接（{entry.LinkTarget}）；不跟随指向文件夹的链接（链接成环会使每个文件重复出现）。" });
                        }
                    }
                    else if (include(path))
                    {
                        // Files, links to files, dangling links and special files: reading decides (and reports).
                        files.Add(path);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    problems.Add(new Diagnostic(SourceLocation.File(path), DiagnosticCodes.Unreadable, $"Cannot read the folder entry: {e.Message}") { MessageZh = $"无法读取文件夹中的该项：{e.Message}" });
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        problems.Sort((x, y) => string.CompareOrdinal(x.Location.Path, y.Location.Path));
        return (files, problems);
    }

    /// <summary>Test seam: makes the folder walks in this async flow fail to list the folders <paramref name="unreadable"/> accepts.</summary>
    /// <param name="unreadable">Which folders (by path as walked) fail.</param>
    /// <returns>Ends the simulation.</returns>
    internal static IDisposable SimulateUnreadableFolders(Func<string, bool> unreadable)
    {
        var previous = SimulatedUnreadable.Value;
        SimulatedUnreadable.Value = unreadable;
        return new Restore(() => SimulatedUnreadable.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private enum FileKind
    {
        Regular,
        Missing,
        Directory,
        Special,
    }

    /// <summary>What a path is, following links: on Linux from statx(2), so a FIFO is known before it is opened.</summary>
    private static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux() && Native.TryGetMode(path, out var mode, out var missing))
        {
            return missing ? FileKind.Missing : (mode & Native.TypeMask) switch
            {
                Native.TypeRegular => FileKind.Regular,
                Native.TypeDirectory => FileKind.Directory,
                _ => FileKind.Special,
            };
        }

        // Elsewhere: devices and pipes are not in ordinary folders on Windows; the bounded read still caps the rest.
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>statx(2) (Linux 4.11, glibc 2.28): its buffer has the same layout on every architecture.</summary>
    private static class Native
    {
        public const int TypeMask = 0xF000;
        public const int TypeRegular = 0x8000;
        public const int TypeDirectory = 0x4000;
        private const int AtFdCwd = -100;
        private const uint StatxType = 0x1;
        private const int ENOENT = 2;
        private const int ENOTDIR = 20;
        private const int ELOOP = 40;

        private static bool _unavailable;

        public static bool TryGetMode(string path, out int mode, out bool missing)
        {
            mode = 0;
            missing = false;
            if (Volatile.Read(ref _unavailable))
            {
                return false;
            }

            var buffer = new StatxBuffer();
            int result;
            try
            {
                result = Statx(AtFdCwd, path, 0, StatxType, ref buffer);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref _unavailable, true);
                return false;
            }

            if (result == 0)
            {
                mode = buffer.Mode;
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR or ELOOP)
            {
                missing = errno != ELOOP;
                mode = errno == ELOOP ? TypeMask : 0; // a link loop: not a regular file
                return true;
            }

            return false; // e.g. EACCES: opening the file reports it
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref StatxBuffer buffer);

        [StructLayout(LayoutKind.Explicit, Size = 256)]
        private struct StatxBuffer
        {
            [FieldOffset(28)]
            public ushort Mode;
        }
    }
}
