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
  // The digits as of the latest key, so an Enter right after a paste sends all of them.
  const current = useRef('');
  const set = useCallback((next: string) => {
    current.current = next;
    setDigits(next);
  }, []);
  const submit = useRef(onSubmit);
  submit.current = onSubmit;
  const onText = useCallback((text: string) => {
    const typed = text.replace(/[^0-9]/g, '');
    set((current.current + typed).slice(0, MAX_PIN));
  }, [set]);
  const onCommand = useCallback((command: CommandId): boolean => {
    if (command === 'text.erase') {
      set(current.current.slice(0, -1));
      return true;
    }
    if (command === 'text.clear') {
      set('');
      return true;
    }
    if (command === 'text.submit') {
      const pin = current.current;
      set('');
      submit.current(pin);
      return true;
    }
    return false;
  }, [set]);
  const layer = useMemo<KeyLayer | null>(() => (disabled ? null : { scopes: ['text'], onCommand, onText }), [disabled, onCommand, onText]);
  useKeyLayer(layer);
  return <TextEntry label={label} value={digits} masked focused={!disabled} width={width} />;
}
