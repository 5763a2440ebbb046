// PIN entry for the staff card and the patient card. The digits stay in this component's
// state and leave once, in the event Enter sends; then the field is emptied.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { KeyLayer } from '../key-layer.ts';
import { useKeyLayer } from '../key-layer.ts';
import type { CommandId } from '../keymap.ts';
import { TextEntry } from './text-entry.tsx';

const MAX_PIN = 8;

export function PinEntry({ label, onSubmit, disabled, width }: { label: string; onSubmit: (pin: string) => void; disabled: boolean; width: number }) {
  const [digits, setDigits] = useState('');
  const current = useRef(digits);
  current.current = digits;
  const submit = useRef(onSubmit);
  submit.current = onSubmit;
  const onText = useCallback((text: string) => {
    const typed = text.replace(/[^0-9]/g, '');
    setDigits((d) => (d + typed).slice(0, MAX_PIN));
  }, []);
  const onCommand = useCallback((command: CommandId): boolean => {
    if (command === 'text.erase') {
      setDigits((d) => d.slice(0, -1));
      return true;
    }
    if (command === 'text.clear') {
      setDigits('');
      return true;
    }
    if (command === 'text.submit') {
      const pin = current.current;
      setDigits('');
      submit.current(pin);
      return true;
    }
    return false;
  }, []);
  const layer = useMemo<KeyLayer | null>(() => (disabled ? null : { scopes: ['text'], onCommand, onText }), [disabled, onCommand, onText]);
  useKeyLayer(layer);
  return <TextEntry label={label} value={digits} masked focused={!disabled} width={width} />;
}
