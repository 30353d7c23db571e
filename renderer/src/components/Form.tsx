import {
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useRef,
  type FormEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { ApiErrorBody } from '../../../shared/errors';
import { useI18n } from '../i18n';

interface FormState {
  error: ApiErrorBody | null;
  /** Names of the fields rendered in this form, so an error for one of them shows beside it. */
  fields: Set<string>;
}

const FormContext = createContext<FormState>({ error: null, fields: new Set() });

/** A form whose API error is shown next to the input it names, or at the top when it names none here. */
export function Form(props: {
  error: ApiErrorBody | null;
  onSubmit(): void;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const fields = useRef(new Set<string>());
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <FormContext.Provider value={{ error: props.error, fields: fields.current }}>
      <form className={props.className ?? 'form'} onSubmit={onSubmit} noValidate aria-label={props.label}>
        <FormError />
        {props.children}
      </form>
    </FormContext.Provider>
  );
}

function FormError() {
  const { error, fields } = useContext(FormContext);
  const { tError } = useI18n();
  if (!error || (error.field && fields.has(error.field))) return null;
  return (
    <div className="form-error" role="alert">
      {tError(error)}
    </div>
  );
}

/** The error for `name`, if the form's error is about that field. */
export function useFieldError(name: string): string | null {
  const { error, fields } = useContext(FormContext);
  const { tError } = useI18n();
  useEffect(() => {
    fields.add(name);
    return () => {
      fields.delete(name);
    };
  }, [fields, name]);
  return error && error.field === name ? tError(error) : null;
}

/** A labelled input; its error (if any) appears right under it and is tied to it for screen readers. */
export function Field(props: { label: string; name: string; hint?: string; wide?: boolean; span2?: boolean; children: ReactNode }) {
  const message = useFieldError(props.name);
  const errorId = `err-${props.name.replace(/\W/g, '-')}`;
  return (
    <label className={`field${props.wide ? ' wide' : ''}${props.span2 ? ' span-2' : ''}${message ? ' invalid' : ''}`} data-field={props.name}>
      <span className="field-label">{props.label}</span>
      <span className="field-control">{message ? markInvalid(props.children, errorId) : props.children}</span>
      {message ? (
        <span className="field-error" id={errorId} role="alert" data-error-for={props.name}>
          {message}
        </span>
      ) : props.hint ? (
        <span className="field-hint">{props.hint}</span>
      ) : null}
    </label>
  );
}

/** An inline error slot for a field without its own label (line-item cells). */
export function FieldError({ name }: { name: string }) {
  const message = useFieldError(name);
  return message ? (
    <span className="field-error" role="alert" data-error-for={name}>
      {message}
    </span>
  ) : null;
}

function markInvalid(children: ReactNode, errorId: string): ReactNode {
  if (!isValidElement(children)) return children;
  return cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-invalid': true, 'aria-describedby': errorId });
}
