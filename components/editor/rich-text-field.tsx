"use client";

import { Bold } from "@tiptap/extension-bold";
import { Document } from "@tiptap/extension-document";
import { Italic } from "@tiptap/extension-italic";
import { Link } from "@tiptap/extension-link";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Text } from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { EditorContent, Extension, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useController, useFormContext } from "react-hook-form";
import { documentToInlineMarkdown, inlineMarkdownToDocument, isWebUrl } from "@/lib/content/inline-markdown-document";
import { FieldError } from "@/components/forms/form-field";
import { idOf, useFieldError } from "./content-fields";
import { LinkDialog, type LinkDialogRequest } from "./link-dialog";
import { useGlossaryChoices } from "./glossary-context";
import { GlossaryTermDialog } from "./glossary-term-dialog";
import { GlossaryTermMark } from "./glossary-term-mark";

/** The event on the editing area by which Ctrl+K asks the field for its link dialog. */
const openLinkDialogEvent = "granskad:open-link-dialog";

/** Ctrl+K (⌘K on a Mac) opens the link dialog, as in word processors. */
const LinkShortcut = Extension.create({
  name: "linkShortcut",
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.editor.view.dom.dispatchEvent(new CustomEvent(openLinkDialogEvent));
        return true;
      },
    };
  },
});

/**
 * Exactly the content model's inline formatting: paragraphs, bold, italic and web links. Anything else
 * pasted from Word or a web page has no place in this schema and is reduced to its text by ProseMirror's
 * parser; links to anything but http(s) lose their link. A typed link does not grow when typing on
 * after it (not inclusive), and Tiptap's own style element is left out (the CSP allows none; the
 * rules it would add are in editor.css).
 */
const richTextExtensions = [
  Document,
  Paragraph,
  Text,
  Bold,
  Italic,
  Link.extend({ inclusive: false }).configure({
    openOnClick: false,
    autolink: true,
    linkOnPaste: true,
    defaultProtocol: "https",
    isAllowedUri: (url) => isWebUrl(url),
    HTMLAttributes: { target: null, rel: null },
  }),
  GlossaryTermMark,
  UndoRedo,
  LinkShortcut,
];

type Format = "bold" | "italic" | "link" | "glossaryTerm";

const formats: { format: Format; label: string; key: string | null }[] = [
  { format: "bold", label: "Fet", key: "B" },
  { format: "italic", label: "Kursiv", key: "I" },
  { format: "link", label: "Länk", key: "K" },
  { format: "glossaryTerm", label: "Förklara ord", key: null },
];

/** Bold, italic, link and glossary term, as one toolbar: one tab stop, arrow keys between the buttons. */
function FormattingToolbar({ editor, fieldLabel, onLink, onTerm }: { editor: Editor | null; fieldLabel: string; onLink: () => void; onTerm: () => void }) {
  const [focused, setFocused] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current
        ? { bold: current.isActive("bold"), italic: current.isActive("italic"), link: current.isActive("link"), glossaryTerm: current.isActive("glossaryTerm"), selected: !current.state.selection.empty }
        : { bold: false, italic: false, link: false, glossaryTerm: false, selected: false },
  });
  // A term is marked on selected words (or changed where one is): with nothing selected the button says
  // what to do first instead of doing nothing. aria-disabled keeps it in the toolbar's arrow-key order.
  const termUnavailable = !active?.glossaryTerm && !active?.selected;

  const apply = (format: Format) => {
    if (!editor || (format === "glossaryTerm" && termUnavailable)) return;
    if (format === "bold") editor.chain().focus().toggleBold().run();
    else if (format === "italic") editor.chain().focus().toggleItalic().run();
    else if (format === "link") onLink();
    else onTerm();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: focused + 1, ArrowLeft: focused - 1, Home: 0, End: formats.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key]! + formats.length) % formats.length;
    setFocused(next);
    buttons.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label={`Formatering av ${fieldLabel.toLowerCase()}`} className="editor-format-toolbar" onKeyDown={onKeyDown}>
      {formats.map(({ format, label, key }, index) => (
        <button
          key={format}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`editor-format-button editor-format-${format}`}
          tabIndex={index === focused ? 0 : -1}
          aria-pressed={active?.[format] ?? false}
          aria-keyshortcuts={key ? `Control+${key} Meta+${key}` : undefined}
          title={key ? `${label} (Ctrl+${key} eller ⌘${key})` : termUnavailable ? `${label}: markera först ordet i texten` : `${label}: markera ordet som en term i ordlistan`}
          aria-disabled={format === "glossaryTerm" && termUnavailable ? true : undefined}
          disabled={!editor}
          // Keeps the text's selection: the button acts on it without taking the focus from the text.
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setFocused(index)}
          onClick={() => apply(format)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

type RichTextFieldProps = { name: string; label: string; hint?: string };

/**
 * A paragraph-like text (paragraph and callout text) written with formatting instead of markup. The
 * form holds the stored Markdown subset; the document is converted from it once when the field opens
 * and again only when the form's value is replaced from outside (a restored copy, the other editor's
 * text), so opening a draft never changes its text. Every edit writes the Markdown back.
 */
export function RichTextField({ name, label, hint }: RichTextFieldProps) {
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  const id = idOf(name);
  const labelId = `${id}-label`;
  const error = useFieldError(name);
  const value = typeof field.value === "string" ? field.value : "";
  /** The Markdown the editor last wrote (or was opened with): a different form value came from outside. */
  const written = useRef(value);
  const { onChange, onBlur, ref } = field;
  const [linkRequest, setLinkRequest] = useState<LinkDialogRequest | null>(null);
  const glossary = useGlossaryChoices();
  /** The term dialog is open: with the term the selection is marked as (null: none yet). */
  const [termRequest, setTermRequest] = useState<{ current: string | null } | null>(null);

  const [initialContent] = useState(() => inlineMarkdownToDocument(value));
  const invalid = Boolean(error);
  const editorProps = useMemo(() => {
    const descriptions = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ");
    return {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(descriptions ? { "aria-describedby": descriptions } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "editor-rich-text-input",
        spellcheck: "true",
      },
    };
  }, [id, labelId, hint, invalid]);

  // Options that stay the same object keep the editor as it is; new editorProps (an error shown or
  // cleared) are applied to it by Tiptap.
  const editor = useEditor({
    // The page is rendered on the server first; the editor exists only in the browser.
    immediatelyRender: false,
    injectCSS: false,
    extensions: richTextExtensions,
    content: initialContent,
    editorProps,
    onUpdate: ({ editor: current }) => {
      const markdown = documentToInlineMarkdown(current.getJSON());
      if (markdown === written.current) return;
      written.current = markdown;
      onChange(markdown);
    },
    onBlur: () => onBlur(),
  });

  useEffect(() => {
    // Lets the form focus this field (the first field with an error, say).
    if (editor) ref({ focus: () => editor.commands.focus() });
  }, [editor, ref]);

  useEffect(() => {
    if (!editor || value === written.current) return;
    written.current = value;
    editor.commands.setContent(inlineMarkdownToDocument(value), { emitUpdate: false });
  }, [editor, value]);

  const openLink = useCallback(() => {
    if (!editor) return;
    const inLink = editor.isActive("link");
    const href = inLink ? String(editor.getAttributes("link").href ?? "") : "";
    setLinkRequest({ href, needsText: editor.state.selection.empty && !inLink });
  }, [editor]);
  useEffect(() => {
    const area = editor?.view.dom;
    area?.addEventListener(openLinkDialogEvent, openLink);
    return () => area?.removeEventListener(openLinkDialogEvent, openLink);
  }, [editor, openLink]);

  const openTerm = useCallback(() => {
    if (!editor) return;
    const inTerm = editor.isActive("glossaryTerm");
    // A term is words in the text: with nothing selected (and no term to change) there is nothing to mark.
    if (!inTerm && editor.state.selection.empty) return;
    setTermRequest({ current: inTerm ? String(editor.getAttributes("glossaryTerm").termId ?? "") || null : null });
  }, [editor]);

  const saveTerm = (termId: string) => {
    editor?.chain().focus().extendMarkRange("glossaryTerm").setMark("glossaryTerm", { termId }).run();
  };

  const saveLink = ({ href, text }: { href: string; text: string }) => {
    if (!editor || !linkRequest) return;
    if (linkRequest.needsText) editor.chain().focus().insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).run();
    else editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
  };

  return (
    <div className="field">
      <span id={labelId} className="editor-rich-text-label" onClick={() => editor?.commands.focus()}>
        {label}
      </span>
      {hint && (
        <p id={`${id}-hint`} className="editor-hint">
          {hint}
        </p>
      )}
      <div className={`editor-rich-text${error ? " editor-rich-text-invalid" : ""}`}>
        <FormattingToolbar editor={editor} fieldLabel={label} onLink={openLink} onTerm={openTerm} />
        <EditorContent editor={editor} />
      </div>
      <FieldError id={id} message={error} />
      {termRequest && (
        <GlossaryTermDialog
          choices={glossary}
          current={termRequest.current}
          onSave={saveTerm}
          onRemove={() => editor?.chain().focus().extendMarkRange("glossaryTerm").unsetMark("glossaryTerm").run()}
          onClose={() => {
            setTermRequest(null);
            editor?.commands.focus();
          }}
        />
      )}
      {linkRequest && (
        <LinkDialog
          request={linkRequest}
          onSave={saveLink}
          onRemove={() => editor?.chain().focus().extendMarkRange("link").unsetLink().run()}
          onClose={() => {
            setLinkRequest(null);
            editor?.commands.focus();
          }}
        />
      )}
    </div>
  );
}
